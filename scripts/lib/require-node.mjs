// `npm start` and `npm test` refuse an older Node with the way to get Node 24 (decision 007).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`
Sora Studio needs Node 22.12 or newer (24 recommended); this is Node ${process.versions.node} (${process.execPath}).
Get Node 24 from the npm registry into .tools/node24 and use it in this shell, then run the command again:

  eval "$(bash scripts/ensure-node.sh)" && npm install
`);
  process.exit(1);
}
