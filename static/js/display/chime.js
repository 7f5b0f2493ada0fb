// A gentle chime on the projector at time-up and at each new turn, when the host switched it on
// (the room's `display.chime`, off by default): two soft sine tones made with the Web Audio API,
// no sound file. Browsers let a page play sound only after someone clicked or pressed a key in
// it, so until then the page says so (#chime-blocked) instead of failing silently.
import { $, show } from "../shared/dom.js";
import { onState } from "../shared/live.js";
import { inRound, room, secondsLeft } from "../shared/room.js";

const CHECK_MS = 500;
const TONES = { turn: [523.25, 783.99], up: [659.25, 523.25] }; // C5-G5 rising; E5-C5 falling
let audio = null;
let sounding = () => true;
let seenTurn; // "round:position" of the turn last seen; null between rounds; unset at first
let upTurn = null; // the turn whose time-up already chimed

/** Chime on this page while `active()` says so (the display: always; the console: presenting). */
export function mountChime(active) {
  sounding = active;
  for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, unlock);
  onState(check);
  setInterval(check, CHECK_MS);
}

function wanted() {
  return Boolean(room.display?.chime) && sounding();
}

/** A click or key lets the page play sound from now on. */
function unlock() {
  audio ??= new AudioContext();
  audio.resume().then(() => show($("chime-blocked"), false), () => {});
}

function check() {
  const turns = room.turns;
  show($("chime-blocked"), wanted() && audio?.state !== "running");
  if (!turns) return;
  if (!inRound(turns)) {
    seenTurn = null;
    return;
  }
  const turn = `${turns.round}:${turns.position}`;
  const up = turns.status === "speaking" && secondsLeft(turns) <= 0;
  if (turn !== seenTurn) {
    if (seenTurn !== undefined) chime("turn"); // not for the turn running when the page opened
    seenTurn = turn;
    upTurn = up ? turn : null; // a turn already over when the page opened stays quiet
  } else if (up && upTurn !== turn) {
    upTurn = turn;
    chime("up");
  }
}

function chime(kind) {
  if (!wanted()) return;
  document.body.dataset.chimes = String(Number(document.body.dataset.chimes || 0) + 1);
  if (!audio || audio.state !== "running") return; // #chime-blocked says why
  TONES[kind].forEach((frequency, i) => {
    const start = audio.currentTime + i * 0.28;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.type = "sine";
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start);
    volume.gain.exponentialRampToValueAtTime(0.18, start + 0.03);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + 1.4);
    tone.connect(volume).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 1.5);
  });
}
