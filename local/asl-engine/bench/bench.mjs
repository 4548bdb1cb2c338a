// Throughput probe for aws-local-stepfunctions, same contract as dev.clipflow.local.asl.bench.AslBench:
//   node bench.mjs <definition> <input json> <transitions per execution> <seconds>
// prints "executions transitions seconds transitionsPerSecond". Every Task is answered by a constant.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const [definitionFile, inputJson, perExecutionText, secondsText] = process.argv.slice(2);
const definition = JSON.parse(readFileSync(definitionFile, 'utf8'));
const input = JSON.parse(inputJson);
const perExecution = Number(perExecutionText);
const seconds = Number(secondsText);
const machine = new StateMachine(definition);
const options = { overrides: { taskResourceLocalHandlers: { Work: async () => ({ ok: true }) } } };

async function once() {
  const execution = machine.run(input, options);
  await execution.result;
}

const warmupEnd = performance.now() + Math.max(1, seconds / 2) * 1000;
while (performance.now() < warmupEnd) await once();
let executions = 0;
const start = performance.now();
const end = start + seconds * 1000;
let now;
do {
  await once();
  executions++;
  now = performance.now();
} while (now < end);
const elapsed = (now - start) / 1000;
const transitions = executions * perExecution;
console.log(`${executions} ${transitions} ${elapsed.toFixed(3)} ${Math.round(transitions / elapsed)}`);
