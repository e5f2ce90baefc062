import 'server-only';

// Shown instead of opening a share link when the browser holds an admin session: opening it
// would replace that session without a word. Plain HTML, no script (the page must work under any
// CSP); "Continue" posts to the same URL, whose answer redirects, so the token still leaves the
// address bar. The meta referrer policy makes the browser send a real Origin with the POST (under
// `no-referrer` it sends `Origin: null`), which the same-origin check needs.
export function shareConfirmPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<meta name="robots" content="noindex">
<title>Open share link? · Levelboard</title>
</head>
<body>
<main data-testid="share-confirm">
<h1>Open this share link?</h1>
<p>You are signed in as admin. Opening this link signs you out of admin in this browser.</p>
<form method="post">
<button type="submit" data-testid="share-confirm-continue">Continue</button>
<a href="/" data-testid="share-confirm-cancel">Cancel</a>
</form>
</main>
</body>
</html>
`;
}
