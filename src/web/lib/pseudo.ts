/**
 * Pseudo-locale (`?lang=pseudo`): every message from `en`, with letters swapped for accented look-
 * alikes and wrapped in ⟦ ⟧. A string on screen with plain ASCII letters outside a `translate="no"`
 * element was not taken from a locale file — the e2e locale test looks for exactly that.
 * Placeholders ({name}, plural branches) are kept intact by going through the ICU parser.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

const from = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const to = 'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ';

export function pseudoText(text: string): string {
  return [...text].map((c) => {
    const i = from.indexOf(c);
    return i >= 0 ? [...to][i] : c;
  }).join('');
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, v]) => [k, { ...v, value: transform(v.value) }]));
      return { ...el, options };
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    return el;
  });
}

export function pseudoMessage(message: string): string {
  return `⟦${printAST(transform(parse(message)))}⟧`;
}
