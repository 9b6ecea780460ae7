// The playground page: reads the controls, sends the work to worker.js (augkit in a module Web Worker) and
// draws the original and the result on canvases. "Download PNG" saves augkit's encodePng of the result
// itself, so the file holds exactly the result's bytes (a canvas would premultiply alpha).
const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

let fileName = 'image';
let requested = 0; // version of the latest parameters
let inFlight = false;
let loaded = false;

/** Shows the state in the status line and on <body> (data-state; data-settled counts results and errors shown). */
function setState(state, text) {
  document.body.dataset.state = state;
  if (state !== 'busy') document.body.dataset.settled = String(Number(document.body.dataset.settled ?? 0) + 1);
  if (text !== undefined) $('status').textContent = text;
}

function params() {
  const number = (id) => Number($(id).value);
  return {
    resize: $('resize').checked,
    width: number('width'),
    height: number('height'),
    antialias: $('antialias').checked,
    flipH: $('flipH').checked,
    flipV: $('flipV').checked,
    angle: number('angle'),
    expand: $('expand').checked,
    fill: $('fill').value,
    amount: number('amount'),
    seed: number('seed'),
    saltVsPepper: number('saltVsPepper'),
    perChannel: $('perChannel').checked,
  };
}

function draw(canvas, image) {
  canvas.width = image.width;
  canvas.height = image.height;
  canvas.getContext('2d').putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
}

/** Asks the worker for the result of the current parameters; while it works, only the latest request waits. */
function update() {
  if (!loaded) return;
  requested++;
  send();
}

function send() {
  if (inFlight) return;
  inFlight = true;
  setState('busy');
  worker.postMessage({ type: 'apply', params: params(), version: requested });
}

worker.onmessage = ({ data: message }) => {
  if (message.type === 'loaded') {
    loaded = true;
    draw($('original'), message.image);
    $('originalSize').textContent = `${message.image.width}×${message.image.height}`;
    if (!$('resize').checked) {
      $('width').value = message.image.width;
      $('height').value = message.image.height;
    }
    $('download').disabled = false;
    update();
  } else if (message.type === 'result') {
    inFlight = false;
    draw($('result'), message.image);
    $('resultSize').textContent = `${message.image.width}×${message.image.height}`;
    document.body.dataset.version = message.version;
    if (message.version !== requested) send();
    else {
      setState('ready', `${fileName}: ${message.image.width}×${message.image.height} in ${message.ms.toFixed(1)} ms (Web Worker)`);
    }
  } else if (message.type === 'png') {
    const url = URL.createObjectURL(new Blob([message.bytes], { type: 'image/png' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${fileName}-augkit.png` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } else if (message.type === 'error') {
    inFlight = false;
    if (message.version !== undefined && message.version !== requested) send();
    else setState('error', message.message);
  }
};

worker.onerror = (event) => setState('error', `worker: ${event.message}`);

async function load(name, bytes) {
  fileName = name.replace(/\.[^.]*$/, '') || 'image';
  setState('busy', `decoding ${name}…`);
  worker.postMessage({ type: 'load', bytes }, [bytes]);
}

$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (file) await load(file.name, await file.arrayBuffer());
});

$('sample').addEventListener('click', async () => {
  const response = await fetch('./sample/cat/cat_07.jpg');
  if (!response.ok) return setState('error', 'no sample here (serve the page with examples/playground/serve.mjs)');
  await load('cat_07.jpg', await response.arrayBuffer());
});

document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', async (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) await load(file.name, await file.arrayBuffer());
});

/** A slider and its number box show the same value. */
for (const [range, box] of [['angleRange', 'angle'], ['amountRange', 'amount']]) {
  $(range).addEventListener('input', () => {
    $(box).value = $(range).value;
  });
  $(box).addEventListener('input', () => {
    $(range).value = $(box).value;
  });
}

for (const type of ['input', 'change']) {
  $('controls').addEventListener(type, (event) => {
    if (event.target.id !== 'file') update();
  });
}
$('controls').addEventListener('submit', (event) => event.preventDefault());
$('download').addEventListener('click', () => worker.postMessage({ type: 'png' }));
