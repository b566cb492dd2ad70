// A searchable picker of codes, as select2 was: type part of a name or a code, pick from the suggestions (or
// press Enter for the first), see the chosen ones as chips and remove them with a click or the keyboard.

import { el } from './common.js';

const SHOWN = 60;

export class Picker {
  /** root: the .picker element (an input, a datalist, a hint and a chip list); max: most codes. */
  constructor(root, { max, exclusive = ['all'], onChange = () => {} }) {
    this.root = root;
    this.name = root.dataset.name;
    this.max = max;
    this.exclusive = exclusive;
    this.onChange = onChange;
    this.input = root.querySelector('input');
    this.datalist = root.querySelector('datalist');
    this.hint = root.querySelector('.hint');
    this.hintText = this.hint.textContent;
    this.chips = root.querySelector('.chips');
    this.options = [];
    this.chosen = [];
    this.input.addEventListener('input', () => this.typed(false));
    this.input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.typed(true);
      }
    });
  }

  /** The choices: [{id, text}]. */
  setOptions(options) {
    this.options = options;
    this.suggest('');
  }

  label(o) {
    return o.text.toLowerCase().startsWith(String(o.id).toLowerCase()) ? o.text : `${o.text} (${o.id})`;
  }

  matches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return this.options.slice(0, SHOWN);
    const exact = [], starts = [], within = [];
    for (const o of this.options) {
      const id = String(o.id).toLowerCase(), text = o.text.toLowerCase();
      if (id === q || text === q || this.label(o).toLowerCase() === q) exact.push(o);
      else if (id.startsWith(q) || text.startsWith(q)) starts.push(o);
      else if (text.includes(q)) within.push(o);
      if (exact.length + starts.length > SHOWN) break;
    }
    return exact.concat(starts, within).slice(0, SHOWN);
  }

  suggest(query) {
    this.datalist.replaceChildren(...this.matches(query).map(o => el('option', { value: this.label(o) })));
  }

  typed(enter) {
    const value = this.input.value;
    if (!value.trim()) return;
    const picked = this.options.find(o => this.label(o) === value)
      || (enter ? this.matches(value)[0] : undefined);
    if (picked) {
      this.add(picked);
      this.input.value = '';
      this.suggest('');
    } else {
      this.suggest(value);
      if (enter && value.trim()) this.note(`Nothing matches “${value.trim()}”.`);
    }
  }

  note(text) {
    this.hint.textContent = text || this.hintText;
    this.hint.classList.toggle('error', !!text);
  }

  add(option) {
    if (this.chosen.some(c => String(c.id) === String(option.id))) return;
    const special = this.exclusive.includes(String(option.id).toLowerCase());
    if (special) {
      this.chosen = [];
    } else {
      this.chosen = this.chosen.filter(c => !this.exclusive.includes(String(c.id).toLowerCase()));
    }
    if (this.chosen.length >= this.max) {
      this.note(`At most ${this.max} here: remove one first.`);
      return;
    }
    this.note('');
    this.chosen.push(option);
    this.render();
  }

  /** Chooses codes by id; ids that are not among the options are shown as they are. */
  set(ids) {
    this.chosen = [];
    for (const id of ids) {
      this.chosen.push(this.options.find(o => String(o.id).toLowerCase() === String(id).toLowerCase())
        || { id, text: String(id) });
    }
    this.render();
  }

  render() {
    this.chips.replaceChildren(...this.chosen.map(c => el('li', {}, el('button', {
      type: 'button', 'aria-label': `Remove ${c.text}`, text: `${c.text} ✕`,
      onclick: () => {
        this.chosen = this.chosen.filter(x => x !== c);
        this.render();
        this.input.focus();
      },
    }))));
    this.onChange();
  }

  /** The chosen codes as the legacy API takes them: comma separated. */
  value() {
    return this.chosen.map(c => c.id).join(',');
  }
}
