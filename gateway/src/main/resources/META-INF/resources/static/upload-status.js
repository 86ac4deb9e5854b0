// While an upload is read, fetches its status page every two seconds and copies the new figures into this page in
// place (the progress bar, the counters, and a polite live region saying how far it got), so focus stays where it
// is and screen readers hear the progress. When the reading is done or failed, the page reloads to show the result
// and the rejected lines. Without JavaScript the page has a Refresh button instead. Stops after five failed fetches
// (a signed-out session, the gateway gone): the Refresh button still works.
const status = document.getElementById('upload-status');
if (status && status.dataset.uploadStatus === 'RUNNING') {
  const figures = ['upload-progress-text', 'rows-read', 'rows-accepted', 'rows-duplicate', 'rows-rejected'];
  let failures = 0;
  const poll = async () => {
    try {
      const answer = await fetch(window.location.href, { credentials: 'same-origin', redirect: 'error' });
      if (!answer.ok) {
        throw new Error(String(answer.status));
      }
      const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const fresh = page.getElementById('upload-status');
      if (!fresh) {
        throw new Error('no status');
      }
      if (fresh.dataset.uploadStatus !== 'RUNNING') {
        window.location.reload();
        return;
      }
      failures = 0;
      figures.forEach((id) => {
        const here = document.getElementById(id);
        const there = page.getElementById(id);
        if (here && there && here.textContent !== there.textContent) {
          here.textContent = there.textContent;
        }
      });
      const progress = document.getElementById('progress');
      const read = page.getElementById('progress');
      if (progress && read) {
        progress.value = Number(read.getAttribute('value'));
        progress.textContent = read.textContent;
      }
    } catch (e) {
      failures += 1;
    }
    if (failures < 5) {
      setTimeout(poll, 2000);
    }
  };
  setTimeout(poll, 2000);
}
