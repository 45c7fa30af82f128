// Five minutes before a signed-in session ends for being idle, says so and offers to stay
// signed in with one click (WCAG 2.2.1). Without JavaScript pages work as well: a form sent
// after the end carries what was typed through the sign-in (web/core/app.cpp).
(() => {
  const warning = document.querySelector('.kompas-session-warning');
  if (!warning) return;
  const idle = Number(warning.dataset.idleSeconds) * 1000;
  const ahead = Number(warning.dataset.warnSeconds) * 1000;
  let timer;
  const arm = () => {
    clearTimeout(timer);
    warning.hidden = true;
    timer = setTimeout(() => { warning.hidden = false; }, Math.max(idle - ahead, 0));
  };
  warning.querySelector('button').addEventListener('click', async () => {
    try {
      const answer = await fetch('/sessie', { credentials: 'same-origin', cache: 'no-store' });
      if (answer.ok && !answer.redirected) arm();
    } catch {
      // Offline: the warning stays, and a form sent later still keeps what was typed.
    }
  });
  arm();
})();
