import type { BrowserFamily } from "@/lib/visits/device-check/constants";

// Every word the device check shows a patient, in one place, so that it can be translated as a
// whole. Sentences with a value in them are functions of that value, never pieced together.

export const DEVICE_CHECK_TEXT = {
  checkInHeading: "Check in before your visit",
  checkInIntro:
    "Your visit starts soon. In about a minute, check that your camera, microphone, speaker and internet connection work.",
  testHeading: "Test my device",
  testIntro:
    "Check any time before your visit that your camera, microphone, speaker and internet connection work. It takes about a minute.",
  startCheckIn: "Start check-in",
  startTest: "Test my device",
  testAgain: "Test again",
  cancel: "Stop the check",
  next: "Next",
  nextHint: "Answer the question about the picture and say a few words to go on.",
  continueAnyway: "Continue with the other checks",

  promptHeading: "Your browser will ask for permission",
  promptBody:
    "Your browser will ask whether this page may use your camera and microphone. Choose Allow. We only use them to see that they work: nothing is recorded or sent to anyone.",
  askPermission: "Allow camera and microphone",
  asking: "Waiting for your answer to the browser's question…",

  cameraHeading: "Camera and microphone",
  previewLabel: "What your camera sees",
  seeYourself: "Can you see yourself?",
  yesSee: "Yes, I can see myself",
  noSee: "No, the picture is black",
  micLabel: "Microphone level",
  speakPrompt: "Say a few words, such as your name. The bar moves when we hear you.",
  micHeard: "We can hear you.",
  micNotYet: "We have not heard anything yet.",
  micSilent: "I spoke, but the bar did not move",
  cameraNotSeen:
    "Check that nothing covers the camera and that no other app (Zoom, FaceTime, Teams) is using it, then test again.",
  micNotHeard:
    "Check that your microphone is not muted (some headsets have a switch) and that the right microphone is chosen in your device's sound settings, then test again.",

  blockedHeading: "Your camera or microphone is blocked",
  blockedIntro:
    "The browser was told not to let this page use the camera or microphone. You can change that:",
  reloadAfter: "Then reload this page and test again.",
  reload: "Reload the page",
  missingCameraHeading: "No camera found",
  missingCamera:
    "We could not find a camera on this device. You can still join with sound only, or use a phone or computer that has a camera.",
  missingMicHeading: "No microphone found",
  missingBothHeading: "No camera or microphone found",
  missingBoth:
    "We could not find a camera or a microphone on this device. Plug in a headset or webcam, or use a phone, then test again.",
  missingMic:
    "We could not find a microphone. Plug in a headset with a microphone, or use a phone, then test again.",
  inUseHeading: "Your camera or microphone is busy",
  inUse:
    "Another app seems to be using your camera or microphone. Close other video apps (Zoom, FaceTime, Teams, Skype), then test again.",
  unsupportedHeading: "This browser cannot use a camera here",
  unsupported:
    "Open this page in an up-to-date Chrome, Safari, Edge, Firefox or Samsung Internet to check your camera and microphone.",

  speakerHeading: "Speaker",
  speakerIntro: "Turn up your volume, then play the test sound.",
  playSound: "Play a test sound",
  playAgain: "Play it again",
  heardIt: "Did you hear it?",
  yesHeard: "Yes, I heard it",
  noHeard: "No, I heard nothing",
  speakerHelp:
    "Turn the volume up, check that the phone is not on silent (on iPhone, the switch on the side), and that headphones or Bluetooth speakers are connected or switched off.",

  networkHeading: "Internet connection",
  measuring: "Measuring your connection to the clinic…",
  roundTrip: (ms: number) => `Response time: ${ms} ms`,
  download: (mbps: string) => `Download speed: ${mbps} Mbit/s`,
  networkGood: "Your connection is good for a video visit.",
  networkFair:
    "Your connection should work. If the picture freezes, move closer to your Wi-Fi router or close other apps that use the internet.",
  networkPoor:
    "Your connection is slow, so the video may freeze. Move closer to your Wi-Fi router, switch from mobile data to Wi-Fi (or the other way), or close other apps and devices that use the internet.",
  networkOffline:
    "We could not reach the clinic's server. Check that you are connected to the internet, then test again.",

  summaryHeading: "Result",
  saving: "Saving your result…",
  saveFailed: "Your result could not be saved. Test again, or tell your clinic when you join.",
  passedAt: (time: string) => `Device check passed at ${time}.`,
  failedAt: (time: string) => `Device check at ${time}: something needs attention.`,
  passedNote: "Your clinic can see that your device is ready.",
  failedNote: "Your clinic can see this result. You can fix the problem and test again.",
  partCamera: "Camera",
  partMicrophone: "Microphone",
  partSpeaker: "Speaker",
  partNetwork: "Internet connection",
  partPassed: "works",
  partFailed: "needs attention",
  partSkipped: "not checked",
} as const;

/** What to do when the browser blocked the camera or microphone, per browser. */
export const PERMISSION_HELP: Record<BrowserFamily, { name: string; steps: string[] }> = {
  chrome: {
    name: "Chrome",
    steps: [
      "Tap or click the settings icon (or the lock) to the left of the web address.",
      "Open Permissions (on Android: Permissions, or Site settings).",
      "Set Camera and Microphone to Allow.",
    ],
  },
  edge: {
    name: "Microsoft Edge",
    steps: [
      "Select the lock icon to the left of the web address.",
      "Open Permissions for this site.",
      "Set Camera and Microphone to Allow.",
    ],
  },
  safari_ios: {
    name: "Safari on iPhone or iPad",
    steps: [
      "Tap the page settings button (aA or the page icon) in the address bar.",
      "Tap Website Settings, and set Camera and Microphone to Allow.",
      "If they are missing there: open the Settings app, tap Apps, then Safari, and set Camera and Microphone to Ask or Allow.",
    ],
  },
  safari: {
    name: "Safari on a Mac",
    steps: [
      "In the Safari menu, choose Settings for this website.",
      "Set Camera and Microphone to Allow.",
      "If that does not help: System Settings → Privacy & Security → Camera and Microphone: turn on Safari.",
    ],
  },
  firefox: {
    name: "Firefox",
    steps: [
      "Select the crossed-out camera or microphone icon in the address bar.",
      "Remove the Blocked permissions with the ×.",
      "On Android: ⋮ menu → Settings → Site permissions → Camera and Microphone.",
    ],
  },
  samsung: {
    name: "Samsung Internet",
    steps: [
      "Tap the ☰ menu, then Settings.",
      "Open Sites and downloads, then Site permissions.",
      "Allow Camera and Microphone for this site. Also check the phone's Settings → Apps → Samsung Internet → Permissions.",
    ],
  },
  other: {
    name: "your browser",
    steps: [
      "Open your browser's settings for this website.",
      "Allow Camera and Microphone.",
      "Or open this page in Chrome, Safari, Edge, Firefox or Samsung Internet.",
    ],
  },
};
