/**
 * `run=1`: starts the widget's run once it is ready — the first time it reports idle or done
 * (widgets call `setStatus` at the end of their start), or after a 3 s grace period — by pressing
 * its Train button (`button[data-run="train"]`), unless it is disabled or a run is already going.
 */
export function createAutorun(root: HTMLElement, enabled: boolean): { ready(): void } {
  let pending = enabled;
  const ready = () => {
    if (!pending) return;
    pending = false;
    setTimeout(() => {
      const status = root.dataset.status;
      const train = root.querySelector<HTMLButtonElement>('button[data-run="train"]');
      if (train && !train.disabled && status !== 'running' && status !== 'loading') train.click();
    }, 0);
  };
  if (pending) setTimeout(ready, 3000);
  return { ready };
}
