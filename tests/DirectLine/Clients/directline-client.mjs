// A conversation with the bot through Microsoft's own Direct Line client, DirectLineJS (npm botframework-directlinejs),
// as Web Chat holds one: start, wait for the welcome, ask a question and a follow-up, wait for each answer. Run by
// tests/DirectLine/DirectLineJsTests.cs, which reads the one JSON line this prints on stdout. Any failure or timeout
// prints a message (and what was seen so far) on stderr and exits non-zero.
//
//   DIRECTLINE_TOKEN=TOKEN node directline-client.mjs --base http://127.0.0.1:PORT --mode websocket|polling
//        --packages <repo>/.cache/directlinejs [--timeout-ms 15000] [--question …] [--follow-up …]
//
// --packages is the folder whose node_modules holds botframework-directlinejs, ws and xhr2 (the test project's
// build installs them there); without it require falls back to NODE_PATH.

import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    token: { type: 'string' },
    mode: { type: 'string', default: 'websocket' },
    packages: { type: 'string' },
    'timeout-ms': { type: 'string', default: '15000' },
    'polling-interval-ms': { type: 'string', default: '200' },
    question: { type: 'string', default: 'Where did Ishiba and Lee meet?' },
    'follow-up': { type: 'string', default: 'What did they agree on?' },
  },
});

const timeoutMs = Number(options['timeout-ms']);
const seen = [];
const statuses = [];
const requests = [];
const wire = [];
const consoleWarnings = [];
let directLine;

let failed = false;
function fail(message) {
  if (!failed) {
    failed = true;
    const summary = JSON.stringify({ statuses, requests, wire, activities: seen.map(summarize), consoleWarnings });
    // Synchronous on a pipe (Linux), so nothing is lost to the exit.
    process.stderr.write(`directline-client (${options.mode}): ${message}\nSeen so far: ${summary}\n`);
  }

  process.exit(1);
}

process.on('uncaughtException', (error) => fail(`uncaught: ${error && error.stack ? error.stack : error}`));
process.on('unhandledRejection', (error) => fail(`unhandled rejection: ${error && error.stack ? error.stack : error}`));
// DirectLineJS gives up on some errors without a word (a failed poll ends polling): nothing left to wait on is a failure.
process.on('beforeExit', () => fail('nothing was left to wait for (DirectLineJS stopped polling or listening) before the conversation finished'));
// Nothing may hang the test: the whole conversation has a budget of its own, beyond the per-step timeouts.
setTimeout(() => fail(`the whole conversation took longer than ${4 * timeoutMs} ms`), 4 * timeoutMs).unref();

options.token = options.token || process.env.DIRECTLINE_TOKEN;
if (!options.base || !options.token || !['websocket', 'polling'].includes(options.mode)) {
  fail('usage: DIRECTLINE_TOKEN=TOKEN node directline-client.mjs --base http://host:port --mode websocket|polling [--packages DIR]');
}

const require = createRequire(options.packages ? path.join(path.resolve(options.packages), 'directline-client.cjs') : import.meta.url);
function load(name) {
  try {
    return require(name);
  } catch (error) {
    fail(`cannot load ${name} (${error.code || error.message}) from ${options.packages || 'NODE_PATH'}: build tests/SummitBot.Tests.csproj with npm installed, which fetches it into .cache/directlinejs`);
  }
}

// DirectLineJS is written for a browser: it needs these two globals before it is loaded.
const Xhr2 = load('xhr2');
// What the bot sent, as it came off the wire (DirectLineJS re-emits each set's activities one by one on a timer, so
// activities of sets that arrive close together can reach activity$ interleaved): one entry per stream frame or poll.
function recordSet(via, text) {
  try {
    const set = typeof text === 'string' ? JSON.parse(text) : text;
    wire.push({ via, watermark: set.watermark ?? null, ids: (set.activities ?? []).map((a) => a.id ?? null) });
  } catch (error) {
    wire.push({ via, unreadable: String(text).slice(0, 200) });
  }
}

// Every HTTP call DirectLineJS makes, with the status it got (the query string is kept: it carries only the watermark).
class RecordingXMLHttpRequest extends Xhr2 {
  open(method, url, ...rest) {
    const address = new URL(url);
    this.recorded = { method, path: address.pathname + address.search, status: null };
    requests.push(this.recorded);
    this.addEventListener('loadend', () => {
      this.recorded.status = this.status;
      if (method === 'GET' && /\/activities$/.test(address.pathname) && this.status === 200) {
        recordSet('poll', this.response);
      }
    });
    return super.open(method, url, ...rest);
  }
}
global.XMLHttpRequest = RecordingXMLHttpRequest;
const Ws = load('ws');
class RecordingWebSocket extends Ws {
  constructor(...args) {
    super(...args);
    // Empty frames would be keep-alives: DirectLineJS skips them, and so does the record.
    this.addEventListener('message', (message) => message.data && recordSet('socket', message.data.toString()));
  }
}
global.WebSocket = RecordingWebSocket;

const warn = console.warn;
console.warn = (...args) => { consoleWarnings.push(args.map(String).join(' ')); warn(...args); };

const { DirectLine, ConnectionStatus } = load('botframework-directlinejs');
const directLineJsVersion = load('botframework-directlinejs/package.json').version;

function summarize(activity) {
  return {
    id: activity.id ?? null,
    type: activity.type ?? null,
    role: activity.from?.role ?? null,
    fromId: activity.from?.id ?? null,
    text: activity.text ?? null,
    replyToId: activity.replyToId ?? null,
    clientActivityID: activity.channelData?.clientActivityID ?? null,
    conversationId: activity.conversation?.id ?? null,
  };
}

// Waits until an activity seen (before or after the call) matches.
const waiters = [];
function waitFor(what, match) {
  const found = seen.find(match);
  return found ? Promise.resolve(found) : withTimeout(what, new Promise((resolve) => waiters.push({ match, resolve })));
}

function withTimeout(what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const isBotMessage = (activity) => activity.type === 'message' && activity.from?.role === 'bot';

async function ask(text, clientActivityID) {
  const activity = {
    type: 'message',
    text,
    from: { id: 'directlinejs-visitor', name: 'Visitor', role: 'user' },
    locale: 'en-US',
    textFormat: 'plain',
    timestamp: new Date().toISOString(),
    channelData: { clientActivityID },
  };
  const posted = await withTimeout(`postActivity("${text}") to return an id`, new Promise((resolve, reject) => {
    directLine.postActivity(activity).subscribe(resolve, (error) => reject(new Error(`postActivity failed: status ${error && error.status} ${error && error.message}`)));
  }));
  if (typeof posted !== 'string' || posted === 'retry') {
    throw new Error(`postActivity("${text}") gave ${JSON.stringify(posted)}, not an id (DirectLineJS says "retry" when the post failed with a 5xx or no answer)`);
  }

  const echo = await waitFor(`the echo of "${text}" (id ${posted})`, (a) => a.id === posted);
  const answer = await waitFor(`the answer to "${text}" (a bot message with replyToId ${posted})`, (a) => isBotMessage(a) && a.replyToId === posted);
  return { text, clientActivityID, postedId: posted, echo: summarize(echo), answerId: answer.id };
}

async function converse() {
  directLine = new DirectLine({
    token: options.token,
    domain: `${options.base.replace(/\/$/, '')}/v3/directline`,
    webSocket: options.mode === 'websocket',
    pollingInterval: Number(options['polling-interval-ms']),
    // DirectLineJS's own request timeout (20 s) is left as Web Chat has it.
  });
  if (directLine.webSocket !== (options.mode === 'websocket')) {
    throw new Error(`DirectLineJS chose webSocket=${directLine.webSocket} for mode ${options.mode}`);
  }

  directLine.connectionStatus$.subscribe((status) => {
    statuses.push(ConnectionStatus[status] ?? String(status));
    if (status === ConnectionStatus.FailedToConnect) {
      fail('DirectLineJS could not start the conversation (FailedToConnect)');
    }
  });
  const subscription = directLine.activity$.subscribe(
    (activity) => {
      seen.push(activity);
      for (const waiter of [...waiters]) {
        if (waiter.match(activity)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(activity);
        }
      }
    },
    (error) => fail(`activity$ failed: ${error && (error.message || error.type || JSON.stringify(error))}`),
  );

  const welcome = await waitFor('the welcome (a bot message)', isBotMessage);
  const first = await ask(options.question, 'directlinejs-1');
  const followUp = await ask(options['follow-up'], 'directlinejs-2');

  // Long enough for a few more polls (or frames), so an answer that came twice is seen twice.
  await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 5 * Number(options['polling-interval-ms']))));
  subscription.unsubscribe();
  directLine.end();

  const turns = [first, followUp].map((turn) => ({
    ...turn,
    answers: seen.filter((a) => isBotMessage(a) && a.replyToId === turn.postedId).map(summarize),
    echoes: seen.filter((a) => a.id === turn.postedId).length,
  }));
  return {
    mode: options.mode,
    directLineJsVersion,
    webSocket: directLine.webSocket,
    conversationId: directLine.conversationId,
    welcome: summarize(welcome),
    turns,
    statuses,
    requests,
    wire,
    consoleWarnings,
    activities: seen.map(summarize),
  };
}

converse().then(
  (result) => process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(0)),
  (error) => fail(error && error.message ? error.message : String(error)),
);
