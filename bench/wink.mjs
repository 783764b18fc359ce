// wink-nlp + lite English model: tokenise and extract named entities.
// usage: node bench/wink.mjs FILE.jsonl [--sample K]
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readTexts, run } from './common.mjs';

const texts = readTexts(process.argv);
const nlp = winkNLP(model);

run('wink-nlp', texts, (text) => {
  const doc = nlp.readDoc(text);
  const entities = doc.entities().out();
  const tokens = doc.tokens().length();
  return entities.length + (tokens > 0 ? 0 : 1);
});
