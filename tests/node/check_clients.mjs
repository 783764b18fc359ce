// check_clients.mjs - read newsgraph exports with real JavaScript clients.
//
// Usage: node check_clients.mjs DIR SHAPES.ttl
// Prints one "name: value" line per count (the shell test compares them
// with Python's) and exits 1 on the first failure.  The libraries are the
// ones analysts use in the browser (graphology, Sigma.js's data layer) and
// in JS pipelines (oxigraph, N3.js, rdf-validate-shacl).
import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import oxigraph from 'oxigraph';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const [dir, shapesFile] = process.argv.slice(2);
const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
const fail = (msg) => { console.error(`FAIL: ${msg}`); process.exit(1); };

// graphology: a multi graph, since two actors can share ties of several types
const gx = gexf.parse(Graph, read('graph.gexf'), { allowUndeclaredAttributes: false });
console.log(`graphology-gexf: ${gx.order} nodes ${gx.size} edges`);
const gm = graphml.parse(Graph, read('graph.graphml'));
console.log(`graphology-graphml: ${gm.order} nodes ${gm.size} edges`);
if (gx.order !== gm.order || gx.size !== gm.size) fail('GEXF and GraphML disagree');
if (gx.getNodeAttribute('Antony_Blinken', 'label') !== 'Antony Blinken') fail('GEXF label');
if (gm.getNodeAttribute('Antony_Blinken', 'label') !== 'Antony Blinken') fail('GraphML label');

// oxigraph: load Turtle and N-Quads, count events with SPARQL
const NG = 'https://w3id.org/newsgraph/ontology#';
const countEvents = (store, q) => {
  const r = store.query(q);
  return Number(r[0].get('n').value);
};
const ttl = new oxigraph.Store();
ttl.load(read('graph.ttl'), { format: 'text/turtle' });
const nq = new oxigraph.Store();
nq.load(read('graph.nq'), { format: 'application/n-quads' });
console.log(`oxigraph-ttl: ${ttl.size} quads`);
console.log(`oxigraph-nq: ${nq.size} quads`);
if (ttl.size !== nq.size) fail('Turtle and N-Quads sizes differ');
const evTtl = countEvents(ttl, `SELECT (COUNT(?e) AS ?n) WHERE { ?e a <${NG}Event> }`);
const evNq = countEvents(nq, `SELECT (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a <${NG}Event> } }`);
console.log(`oxigraph-events: ${evTtl} ttl ${evNq} nq-named-graphs`);
if (evTtl !== evNq || evTtl === 0) fail('event counts differ');

// SHACL: the Turtle output against schema/shapes.ttl
const parse = (text) => new N3.Store(new N3.Parser().parse(text));
const shapes = parse(fs.readFileSync(shapesFile, 'utf8'));
const data = parse(read('graph.ttl'));
const report = await new SHACLValidator(shapes).validate(data);
console.log(`shacl: conforms=${report.conforms} results=${report.results.length}`);
if (!report.conforms) {
  for (const r of report.results.slice(0, 10))
    console.error(`  ${String(r.focusNode?.value).slice(0, 100)} ${r.path?.value}: ${r.message.map((m) => m.value).join('; ')}`);
  fail('SHACL validation');
}
