// While an upload is read, fetches its status page every two seconds and puts the new figures in place (the page
// without JavaScript has a Refresh button instead). Stops when the reading is done or failed.
let status = document.getElementById('upload-status');
if (status && status.dataset.uploadStatus === 'RUNNING') {
  const timer = setInterval(async () => {
    try {
      const answer = await fetch(window.location.href, { credentials: 'same-origin' });
      if (!answer.ok) {
        return;
      }
      const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const fresh = page.getElementById('upload-status');
      if (!fresh) {
        return;
      }
      if (fresh.dataset.uploadStatus !== 'RUNNING') {
        clearInterval(timer);
        window.location.reload(); // the rejected lines too
        return;
      }
      status.replaceWith(fresh);
      status = fresh;
    } catch (e) {
      // the next tick tries again
    }
  }, 2000);
}
