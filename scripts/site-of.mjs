// The site a labelled page comes from, shared by the training scripts: their folds grouped by site keep a site's pages
// on one side, so that no model scores a page by its own site's wording or template.

/**
 * The main label of the host of the page's URL (an archived copy's own host; news.example.co.uk and example.com are
 * both "example"), else `id` less a trailing number (sets that name several pages of one site, some without a URL).
 */
export function siteOf(url, id) {
  let host = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname === 'web.archive.org' ? new URL(parsed.pathname.replace(/^\/web\/\w+\//, '')).hostname : parsed.hostname;
  } catch {}
  const labels = host.toLowerCase().split('.').filter((l) => l && l !== 'www');
  labels.pop();
  if (labels.length > 1 && /^(co|com|org|net|gov|ac|edu)$/.test(labels.at(-1))) labels.pop();
  return labels.at(-1) ?? id.replace(/-\d+$/, '');
}
