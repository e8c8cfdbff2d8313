// The speaker test's sound: a short two-note chime made with Web Audio (no file to download).

const NOTES = [
  { frequency: 660, start: 0 },
  { frequency: 880, start: 0.35 },
];
const NOTE_SECONDS = 0.5;

export async function playChime(): Promise<void> {
  const context = new AudioContext();
  await context.resume();
  const now = context.currentTime;
  for (const note of NOTES) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = note.frequency;
    gain.gain.setValueAtTime(0.0001, now + note.start);
    gain.gain.exponentialRampToValueAtTime(0.4, now + note.start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + note.start + NOTE_SECONDS);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(now + note.start);
    oscillator.stop(now + note.start + NOTE_SECONDS);
  }
  setTimeout(() => void context.close(), (NOTES.length * 0.35 + NOTE_SECONDS) * 1000 + 200);
}
