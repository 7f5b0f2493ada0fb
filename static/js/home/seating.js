// The create form's "Tables" choice (templates/home.html): typing a number of tables, or a
// table size, picks the choice it belongs to, so the number typed is the one sent.
for (const input of document.querySelectorAll(".seating-choice input[type=number]")) {
  input.addEventListener("focus", () => {
    input.closest(".seating-choice").querySelector("input[type=radio]").checked = true;
  });
}
