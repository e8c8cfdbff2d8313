// Every word of the offline page and the "Add to home screen" help, in one place.

export const PWA_TEXT = {
  offlineTitle: "You are offline",
  offlineHeading: "You are offline",
  nextVisit: (day: string, time: string) => `Your next visit is ${day} at ${time}.`,
  noVisit: "You have no upcoming video visits.",
  offlineHint: "Connect to the internet to join your visit or see any changes.",
  retry: "Try again",

  installHeading: "Add to home screen",
  installIntro: "Put your clinic's portal on your home screen, to find your visits in one tap.",
  installButton: "Install the app",
  installed: "The app is on your home screen.",
} as const;

/** How to add the portal to the home screen, per browser (when it cannot offer a button itself). */
export const INSTALL_STEPS = {
  chrome: [
    "Tap the ⋮ menu at the top right.",
    "Tap Add to Home screen (or Install app).",
    "Tap Install.",
  ],
  edge: [
    "Tap the … menu at the bottom.",
    "Tap Add to phone (or Apps, then Install this site as an app).",
    "Tap Install.",
  ],
  safari_ios: [
    "Tap the Share button (a square with an arrow).",
    "Scroll down and tap Add to Home Screen.",
    "Tap Add.",
  ],
  safari: ["In the File menu, choose Add to Dock.", "Click Add."],
  firefox: [
    "Tap the ⋮ menu.",
    "Tap Add to Home screen (or Install).",
    "On a computer, Firefox cannot install web apps: bookmark this page instead.",
  ],
  samsung: ["Tap the ☰ menu at the bottom.", "Tap Add page to, then Home screen.", "Tap Add."],
  other: ["Open your browser's menu.", "Look for Add to Home screen or Install app."],
} as const;
