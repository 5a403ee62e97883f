// A render worker that announces each letter ('held') and holds it until the test broadcasts
// 'release', then renders it with the real worker: a busy pool, deterministically.
import { BroadcastChannel } from 'node:worker_threads';
import renderInWorker from '../../dist/server/render-worker.js';

const CHANNEL = 'lmnkit-held-render';

const channel = new BroadcastChannel(CHANNEL);
channel.unref();
const released = new Promise((resolve) => {
  channel.onmessage = (event) => {
    if (event.data === 'release') resolve();
  };
});

export default async function renderWhenReleased(task) {
  channel.postMessage('held');
  await released;
  return renderInWorker(task);
}
