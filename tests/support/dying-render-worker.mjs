// A render worker that announces each letter ('held') and waits for the test: 'die' ends its thread
// mid-render (as a crash would), 'release' renders the letter with the real worker.
import { BroadcastChannel } from 'node:worker_threads';
import renderInWorker from '../../dist/server/render-worker.js';

const channel = new BroadcastChannel('lmnkit-dying-render');
channel.unref();

export default async function renderOrDie(task) {
  const order = new Promise((resolve) => {
    channel.onmessage = (event) => resolve(event.data);
  });
  channel.postMessage('held');
  if ((await order) === 'die') process.exit(70);
  return renderInWorker(task);
}
