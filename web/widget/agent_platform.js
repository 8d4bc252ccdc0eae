// agent_platform.js: which build of the agent the customer's computer
// needs, from what the browser says it runs on (User-Agent Client Hints'
// navigator.userAgentData.platform, "Windows"; else the older
// navigator.platform, "Win32"). Only the help text and the download link
// depend on it; a wrong guess shows the other platform's instructions.

/** True when the browser runs on Windows. */
export function browser_on_windows(nav = globalThis.navigator) {
  const platform = nav?.userAgentData?.platform || nav?.platform || '';
  return /^win/i.test(platform);
}
