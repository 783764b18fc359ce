// compromise: people / organizations / places.
// usage: node bench/compromise.mjs FILE.jsonl [--sample K]
import nlp from 'compromise';
import { readTexts, run } from './common.mjs';

const texts = readTexts(process.argv);

run('compromise', texts, (text) => {
  const doc = nlp(text);
  const people = doc.people().out('array');
  const orgs = doc.organizations().out('array');
  const places = doc.places().out('array');
  return people.length + orgs.length + places.length;
});
