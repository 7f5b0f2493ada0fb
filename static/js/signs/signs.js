// The table signs page (templates/signs.html): its Print button (the page allows no inline script).
document.getElementById("print-signs").addEventListener("click", () => window.print());
