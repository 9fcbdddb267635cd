/** A short message in the widget's live region (`[data-toast]`), cleared after 6 s. */
export function createToast(root: HTMLElement): (message: string) => void {
  const el = root.querySelector<HTMLElement>('[data-toast]');
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (message) => {
    if (!el) return;
    el.textContent = message;
    clearTimeout(timer);
    timer = setTimeout(() => (el.textContent = ''), 6000);
  };
}
