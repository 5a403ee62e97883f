// The lmnkit web form: draws a letter kind's JSON Schema as a form (with the layout hints served
// beside it), checks and previews the letter as the person types, and downloads the PDF.
// Plain browser JavaScript, no build step; the page's CSP allows no inline script or handler.

const STORAGE_KEY = 'lmnkit.form';
const PRACTICE_KEY = 'lmnkit.practice';
// The tab's own copy: it survives a reload and goes when the tab closes.
const SESSION_KEY = 'lmnkit.form.session';
const CHECK_DELAY_MS = 300;
const LOOKUP_DELAY_MS = 150;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const LEVEL_NAMES = { error: 'Must fix', warning: 'Warning', info: 'Note' };

const $ = (id) => document.getElementById(id);

const state = {
  kinds: [],
  examples: [],
  layouts: new Map(),
  kind: '',
  data: {},
  patientMode: false,
  remember: false,
  apiKey: '',
  /** Field paths the person has left: their problems show. */
  touched: new Set(),
  /** After a download attempt or a load, every problem shows. */
  showAll: false,
  /** Optional groups the person opened. */
  open: new Set(),
  /** Lists the person emptied: they stay without a blank row. */
  emptied: new Set(),
  inExactlyOne: false,
  issues: [],
  findings: [],
  blocking: undefined,
  /** Fields changed since the last check was sent: what it said about them is out of date. */
  dirty: new Set(),
  /** The field being typed in: its problems wait until the person leaves it. */
  editing: '',
  hasPreview: false,
  checkSeq: 0,
  checkTimer: 0,
  previewSeq: 0,
  /** Rendered fields by path: { id, label, group, rows }. */
  fields: new Map(),
  /** Entries not yet saved as JSON or downloaded: closing the tab asks first. */
  unsaved: false,
  /** A pointer is down: messages wait until the click is done, so that nothing moves under it. */
  pointerDown: false,
  messagesPending: false,
  /** The practice set-up: { practice, providers }; no patient data. */
  practice: { practice: {}, providers: [{}] },
  keepPractice: false,
};

// ---------- small helpers ----------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function humanize(name) {
  const words = String(name)
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function optionText(value) {
  return /^[a-z]+(-[a-z]+)*$/.test(value) ? humanize(value) : value;
}

const joinPath = (path, key) => (path === '' ? String(key) : `${path}.${key}`);
const fieldId = (path) => `f-${path.replace(/\./g, '-')}`;
const patternOf = (path) => path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
const isEmptyValue = (value) =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.every(isEmptyValue)) ||
  (value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every(isEmptyValue));

function getAt(object, path) {
  if (path === '') return object;
  return path.split('.').reduce((holder, key) => (holder == null ? undefined : holder[key]), object);
}

function setAt(object, path, value) {
  const keys = path.split('.');
  let holder = object;
  keys.slice(0, -1).forEach((key, index) => {
    if (holder[key] === null || typeof holder[key] !== 'object') {
      holder[key] = /^\d+$/.test(keys[index + 1]) ? [] : {};
    }
    holder = holder[key];
  });
  const last = keys[keys.length - 1];
  if (value === undefined && !Array.isArray(holder)) delete holder[last];
  else holder[last] = value;
}

function todayIso() {
  const now = new Date();
  const pad = (number) => String(number).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function setStatus(message, action) {
  const status = $('status');
  status.replaceChildren(message);
  if (action) {
    const button = h('button', { type: 'button', class: 'link' }, action.label);
    button.addEventListener('click', action.run);
    status.append(' ', button);
  }
}

// ---------- the API ----------

async function api(path, { method = 'GET', body, query = '' } = {}) {
  const headers = { Accept: 'application/json, application/problem+json, text/html, application/pdf' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (state.apiKey !== '') headers['X-API-Key'] = state.apiKey;
  const response = await fetch(`${path}${query}`, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (response.status === 401) {
    $('api-key-field').hidden = false;
    setStatus('This service needs an API key: enter it under “Start”.');
  }
  return response;
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

// ---------- schema ----------

const layout = () => state.layouts.get(state.kind);

function discriminatorOf(schema) {
  const variants = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(variants) || variants.length === 0) return undefined;
  const keys = Object.keys(variants[0].properties ?? {});
  return keys.find((key) => variants.every((variant) => variant.properties?.[key]?.const !== undefined));
}

/** The variant of a union the value picks (by its discriminator), else the first. */
function resolveSchema(schema, value) {
  const variants = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(variants)) return schema;
  const key = discriminatorOf(schema);
  const chosen = key && variants.find((variant) => variant.properties[key].const === value?.[key]);
  return chosen ?? variants[0];
}

function schemaType(schema) {
  if (schema.const !== undefined) return 'const';
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type ?? (schema.properties ? 'object' : 'string');
}

function hintFor(path) {
  const fields = layout().hints.fields;
  const key = path.split('.').pop();
  return { ...(/^\d+$/.test(key) ? {} : fields[key]), ...fields[patternOf(path)] };
}

const normalizeName = (name) =>
  String(name)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The HSA/FSA administrator named in the letter that requires this optional field, if any. */
function requiringAdministrator(path) {
  const administrators = layout().hints.administrators;
  const named = state.data.coverage?.administrator;
  if (!administrators || state.data.purpose !== 'hsa-fsa' || !named) return undefined;
  const found = administrators.find(({ keys }) => keys.includes(normalizeName(named)));
  if (!found) return undefined;
  const holder = !isEmptyValue(state.data.patient?.accountHolder);
  return (holder ? found.holder : found.self).includes(path) ? found.name : undefined;
}

function isHidden(path) {
  return state.patientMode && hintFor(path).providerOnly === true;
}

function widgetOf(schema, hint) {
  const type = schemaType(schema);
  if (type === 'object' || type === 'array' || type === 'const') return type;
  if (Array.isArray(schema.enum)) return 'select';
  if (type === 'boolean') return 'checkbox';
  if (type === 'number' || type === 'integer') return 'number';
  if (hint.widget) return hint.widget;
  if (schema.pattern === DATE_PATTERN || schema.format === 'date') return 'date';
  if ((schema.maxLength ?? 0) > 300) return 'textarea';
  return 'text';
}

function labelFor(path, hint = hintFor(path)) {
  if (hint.label) return hint.label;
  const keys = path.split('.');
  const last = keys.pop();
  if (/^\d+$/.test(last)) {
    const parent = keys.join('.');
    return `${itemLabel(parent)} ${Number(last) + 1}`;
  }
  return humanize(last);
}

function itemLabel(arrayPath) {
  const hint = hintFor(arrayPath);
  if (hint.itemLabel) return hint.itemLabel;
  return 'Item';
}

// ---------- the payload (the JSON the API takes) ----------

/**
 * The letter input built from the form data along the schema: empty text and unticked boxes
 * left out, empty rows dropped (but kept up to the minimum), required groups kept as {} so
 * that problems name each field. `rows` maps payload row paths back to form row paths.
 */
function buildPayload({ materialize = true } = {}) {
  const rows = new Map();
  function build(schema, value, path, out, keep) {
    const resolved = resolveSchema(schema, value);
    if (isHidden(path)) return undefined;
    switch (schemaType(resolved)) {
      case 'const':
        return resolved.const;
      case 'object': {
        const result = {};
        for (const [key, child] of Object.entries(resolved.properties ?? {})) {
          // Required groups are kept (as {} or []) so that problems name their fields.
          const group = ['object', 'array'].includes(schemaType(resolveSchema(child, value?.[key])));
          const keepChild = group && (resolved.required ?? []).includes(key);
          const built = build(child, value?.[key], joinPath(path, key), joinPath(out, key), keepChild);
          if (built !== undefined) result[key] = built;
        }
        return Object.keys(result).length > 0 || (keep && materialize) ? result : undefined;
      }
      case 'array': {
        const items = Array.isArray(value) ? value : [];
        const minimum = resolved.minItems ?? 0;
        const result = [];
        items.forEach((item, index) => {
          const itemOut = joinPath(out, result.length);
          const built = build(resolved.items ?? {}, item, joinPath(path, index), itemOut, index < minimum);
          if (built === undefined) return;
          rows.set(itemOut, joinPath(path, index));
          result.push(built);
        });
        return result.length > 0 || (keep && materialize) ? result : undefined;
      }
      case 'boolean':
        return value === true ? true : undefined;
      case 'number':
      case 'integer':
        return value === '' || value === undefined ? undefined : value;
      default:
        if (value === undefined || value === null || value === '')
          return keep && materialize ? '' : undefined;
        return value;
    }
  }
  const payload = build(layout().schema, state.data, '', '', true) ?? {};
  const toFormPath = (path) => {
    const keys = path.split('.');
    for (let length = keys.length; length > 0; length--) {
      const prefix = keys.slice(0, length).join('.');
      const row = rows.get(prefix);
      if (row !== undefined) return [row, ...keys.slice(length)].join('.');
    }
    return path;
  };
  return { payload, toFormPath };
}

/** Top-level and nested keys of loaded data that the kind does not know (they are not sent). */
function listUnknownFields(schema, value, path = '') {
  const resolved = resolveSchema(schema, value);
  const type = schemaType(resolved);
  if (type === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => {
      const childSchema = resolved.properties?.[key];
      const childPath = joinPath(path, key);
      return childSchema ? listUnknownFields(childSchema, child, childPath) : [childPath];
    });
  }
  if (type === 'array' && Array.isArray(value)) {
    return value.flatMap((item, index) =>
      listUnknownFields(resolved.items ?? {}, item, joinPath(path, index)),
    );
  }
  return [];
}

// ---------- drawing the form ----------

function render({ focus } = {}) {
  const active = focus ?? document.activeElement?.id;
  const { schema, hints } = layout();
  const root = resolveSchema(schema, state.data);
  state.fields.clear();
  const form = $('letter-form');
  const lists = h('div', { class: 'datalists' });
  const sections = hints.sections
    .filter((section) => section.fields.some((key) => root.properties?.[key] && !isHidden(key)))
    .map((section) => renderSection(section, schema, root, lists));
  form.replaceChildren(...sections, lists);
  updateProviderPick();
  updatePatientMode();
  updateButtons();
  const target = active && document.getElementById(active);
  if (target && form.contains(target)) target.focus({ preventScroll: true });
  showMessages();
}

function renderSection(section, union, root, lists) {
  const headingId = `section-${section.id}`;
  const keys = section.fields.filter((key) => root.properties?.[key] && !isHidden(key));
  const forProvider = state.patientMode && section.forProvider;
  const element = h(
    'section',
    { class: `form-section${forProvider ? ' for-provider' : ''}`, 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      section.title,
      forProvider && h('span', { class: 'badge' }, 'For your provider'),
    ),
    section.help && h('p', { class: 'help' }, section.help),
    forProvider &&
      h(
        'p',
        { class: 'help' },
        'Fill in what you know; your provider checks and completes this part before signing.',
      ),
  );
  const only = keys.length === 1 ? root.properties[keys[0]] : undefined;
  if (only && ['object', 'array'].includes(schemaType(resolveSchema(only, state.data[keys[0]])))) {
    // One group alone in its section: the section heading names it.
    element.append(renderGroup(only, keys[0], (root.required ?? []).includes(keys[0]), lists, headingId));
    return element;
  }
  const grid = h('div', { class: 'grid' });
  for (const key of keys) {
    const field = renderField(root.properties[key], key, (root.required ?? []).includes(key), lists, union);
    // A group named like its section ("Denial" in "Denial") need not say it twice on screen.
    const legend = field?.querySelector(':scope > legend');
    if (legend?.firstChild?.textContent === section.title) legend.classList.add('visually-hidden');
    grid.append(field);
  }
  element.append(grid);
  return element;
}

function renderField(schema, path, required, lists, union) {
  const value = getAt(state.data, path);
  const resolved = resolveSchema(schema, value);
  const type = schemaType(resolved);
  if (type === 'object' || type === 'array') return renderGroup(schema, path, required, lists);
  if (type === 'const' && union && discriminatorOf(union) === path) return renderDiscriminator(union, path);
  if (type === 'const') return undefined;
  return renderControl(resolved, path, required, lists);
}

function describedBy(...ids) {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

function renderHelp(id, hint) {
  const text = state.patientMode && hint.patientHelp ? hint.patientHelp : hint.help;
  return text ? h('p', { class: 'help', id: `${id}-help` }, text) : undefined;
}

function renderDiscriminator(union, path) {
  const id = fieldId(path);
  const hint = hintFor(path);
  const variants = union.oneOf ?? union.anyOf;
  const current = resolveSchema(union, state.data).properties[path].const;
  const select = h(
    'select',
    {
      id,
      'data-path': path,
      'data-widget': 'discriminator',
      'aria-describedby': describedBy(hint.help && `${id}-help`),
    },
    variants.map((variant) => {
      const value = variant.properties[path].const;
      return h('option', { value, selected: value === current }, hint.options?.[value] ?? optionText(value));
    }),
  );
  state.fields.set(path, { id, label: labelFor(path, hint) });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, labelFor(path, hint)),
    select,
    renderHelp(id, hint),
  );
}

function renderControl(schema, path, required, lists) {
  const id = fieldId(path);
  const hint = hintFor(path);
  const widget = widgetOf(schema, hint);
  const value = getAt(state.data, path);
  const label = labelFor(path, hint);
  const help = renderHelp(id, hint);
  const describe = describedBy(help && help.id);
  state.fields.set(path, { id, label });
  const administrator = required ? undefined : requiringAdministrator(path);
  const marker = administrator
    ? h('span', { class: 'required-by' }, ` (required by ${administrator})`)
    : required || state.inExactlyOne
      ? undefined
      : h('span', { class: 'optional' }, ' (optional)');
  const common = {
    id,
    'data-path': path,
    'data-widget': widget,
    'aria-describedby': describe,
    'aria-required': (required && !state.inExactlyOne) || administrator ? 'true' : undefined,
  };
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });

  if (widget === 'checkbox') {
    const input = h('input', { ...common, type: 'checkbox', checked: value === true });
    return h('div', { class: 'field check' }, input, h('label', { for: id }, label), help, error);
  }
  let control;
  if (widget === 'select') {
    control = h(
      'select',
      common,
      h('option', { value: '' }, required ? 'Choose…' : '—'),
      schema.enum.map((option) =>
        h(
          'option',
          { value: option, selected: option === value },
          hint.options?.[option] ?? optionText(option),
        ),
      ),
    );
  } else if (widget === 'textarea') {
    control = h('textarea', { ...common, rows: 4, maxlength: schema.maxLength });
    control.value = typeof value === 'string' ? value : '';
  } else if (widget === 'number') {
    const integer = schemaType(schema) === 'integer';
    control = h('input', {
      ...common,
      type: 'number',
      inputmode: integer ? 'numeric' : 'decimal',
      step: integer ? 1 : 'any',
      min: schema.minimum,
      max: schema.maximum,
      class: 'short',
    });
    control.value = typeof value === 'number' ? String(value) : '';
  } else if (widget === 'image') {
    return renderImage(common, label, value, help, error);
  } else {
    const type = { date: 'date', tel: 'tel', email: 'email' }[widget] ?? 'text';
    control = h('input', {
      ...common,
      type,
      maxlength: type === 'text' ? schema.maxLength : undefined,
      placeholder: hint.placeholder,
      spellcheck: type === 'text' && (schema.maxLength ?? 0) >= 300 ? undefined : 'false',
    });
    control.value = typeof value === 'string' ? value : '';
    if (hint.suggestions && widget !== 'icd10cm') {
      const listId = `list-${patternOf(path).replace(/[.*]/g, '-')}`;
      if (!lists.querySelector(`#${CSS.escape(listId)}`)) {
        lists.append(
          h(
            'datalist',
            { id: listId },
            hint.suggestions.map((item) => h('option', { value: item.value, label: item.label })),
          ),
        );
      }
      control.setAttribute('list', listId);
    }
    if (widget === 'icd10cm') return renderCombobox(control, id, label, marker, help, error);
  }
  const wide = widget === 'textarea' || (schema.maxLength ?? 0) >= 300 ? ' wide' : '';
  return h('div', { class: `field${wide}` }, h('label', { for: id }, label, marker), control, help, error);
}

function renderImage(common, label, value, help, error) {
  const { id } = common;
  const input = h('input', { ...common, type: 'file', accept: 'image/png,image/jpeg' });
  const attached =
    typeof value === 'string' && value !== ''
      ? h(
          'div',
          { class: 'image-preview' },
          h('img', {
            src: value.startsWith('data:') ? value : `data:image/png;base64,${value}`,
            alt: `${label}, attached`,
          }),
          h(
            'button',
            { type: 'button', 'data-action': 'remove-image', 'data-path': common['data-path'] },
            `Remove ${label.toLowerCase()}`,
          ),
        )
      : undefined;
  return h(
    'div',
    { class: 'field wide' },
    h('label', { for: id }, label, h('span', { class: 'optional' }, ' (optional)')),
    attached,
    input,
    help,
    error,
  );
}

function renderCombobox(input, id, label, marker, help, error) {
  const listId = `${id}-options`;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'options',
    'aria-label': `${label} matches`,
    hidden: true,
  });
  return h(
    'div',
    { class: 'field combobox' },
    h('label', { for: id }, label, marker),
    h('div', { class: 'combo' }, input, list),
    help,
    error,
  );
}

function renderGroup(schema, path, required, lists, labelledBy) {
  const value = getAt(state.data, path);
  const resolved = resolveSchema(schema, value);
  const hint = hintFor(path);
  const id = fieldId(path);
  const label = labelFor(path, hint);
  const help = renderHelp(id, hint);
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
  state.fields.set(path, { id, label, group: true, rows: schemaType(resolved) === 'array' });
  const body =
    schemaType(resolved) === 'array'
      ? renderRows(resolved, path, lists)
      : renderObjectFields(resolved, path, lists, hint.exactlyOne === true);
  if (labelledBy) {
    return h(
      'div',
      {
        class: 'group flat',
        id,
        role: 'group',
        'aria-labelledby': labelledBy,
        'aria-describedby': describedBy(help?.id),
      },
      help,
      error,
      body,
    );
  }
  const folds = !required && schemaType(resolved) !== 'array';
  const administrator = required ? undefined : requiringAdministrator(path);
  const fieldset = h(
    'fieldset',
    { class: 'group', id, 'aria-describedby': describedBy(help?.id) },
    // A folding group's summary shows its name; the legend still names the group for screen readers.
    h(
      'legend',
      { class: folds ? 'visually-hidden' : undefined },
      label,
      administrator
        ? h('span', { class: 'required-by' }, ` (required by ${administrator})`)
        : required
          ? undefined
          : h('span', { class: 'optional' }, ' (optional)'),
    ),
    help,
    error,
    body,
  );
  if (!folds) return fieldset;
  // An optional group stays folded until it has data or the person opens it.
  const details = h(
    'details',
    { class: 'optional-group', 'data-path': path, open: state.open.has(path) || !isEmptyValue(value) },
    h('summary', {}, label, h('span', { class: 'optional' }, ' (optional)')),
    fieldset,
  );
  return details;
}

function renderObjectFields(schema, path, lists, exactlyOne) {
  const grid = h('div', { class: 'grid' });
  const previous = state.inExactlyOne;
  state.inExactlyOne = exactlyOne;
  for (const [key, child] of orderedProperties(schema, path)) {
    const childPath = joinPath(path, key);
    if (isHidden(childPath)) continue;
    grid.append(renderField(child, childPath, (schema.required ?? []).includes(key), lists));
  }
  state.inExactlyOne = previous;
  return grid;
}

/** An object's fields, those the hints order first, then the rest in schema order. */
function orderedProperties(schema, path) {
  const entries = Object.entries(schema.properties ?? {});
  const order = hintFor(path).order ?? [];
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map(({ entry }) => entry);
}

function ensureRows(schema, path) {
  let rows = getAt(state.data, path);
  if (!Array.isArray(rows)) {
    rows = [];
    setAt(state.data, path, rows);
  }
  const empty = schemaType(schema.items ?? {}) === 'object' ? () => ({}) : () => '';
  const minimum = Math.max(schema.minItems ?? 0, state.emptied.has(path) ? 0 : 1);
  while (rows.length < minimum) rows.push(empty());
  return rows;
}

function renderRows(schema, path, lists) {
  const rows = ensureRows(schema, path);
  const noun = itemLabel(path);
  const itemSchema = schema.items ?? {};
  const objects = schemaType(itemSchema) === 'object';
  const minimum = schema.minItems ?? 0;
  const list = h('div', { class: 'rows' });
  rows.forEach((_row, index) => {
    const rowPath = joinPath(path, index);
    const name = `${noun} ${index + 1}`;
    const remove =
      rows.length > minimum
        ? h(
            'button',
            {
              type: 'button',
              class: 'remove',
              'data-action': 'remove-row',
              'data-path': rowPath,
              'aria-label': `Remove ${name.toLowerCase()}`,
            },
            'Remove',
          )
        : undefined;
    if (objects) {
      state.fields.set(rowPath, { id: fieldId(rowPath), label: name, group: true });
      list.append(
        h(
          'fieldset',
          { class: 'row', id: fieldId(rowPath) },
          h('legend', {}, name),
          h('p', { class: 'error', id: `${fieldId(rowPath)}-error`, hidden: true }),
          renderObjectFields(itemSchema, rowPath, lists),
          remove,
        ),
      );
    } else {
      const field = renderControl(itemSchema, rowPath, true, lists);
      list.append(h('div', { class: 'row inline-row' }, field, remove));
    }
  });
  const canAdd = schema.maxItems === undefined || rows.length < schema.maxItems;
  const add = canAdd
    ? h(
        'button',
        { type: 'button', class: 'add', 'data-action': 'add-row', 'data-path': path },
        `Add ${noun.toLowerCase()}`,
      )
    : undefined;
  return h('div', {}, list, add);
}

// ---------- problems and findings ----------

/** The rendered field a problem belongs to: the field itself or its nearest rendered group. */
function fieldFor(path) {
  const keys = path.split('.');
  for (let length = keys.length; length > 0; length--) {
    const found = keys.slice(0, length).join('.');
    if (state.fields.has(found)) return found;
  }
  return undefined;
}

function isShown(path) {
  if (path === state.editing) return false;
  if (state.showAll) return true;
  for (const touched of state.touched) {
    if (touched === path || touched.startsWith(`${path}.`)) return true;
  }
  return false;
}

function messageFor(issue, fieldPath) {
  const element = document.getElementById(state.fields.get(fieldPath)?.id ?? '');
  const empty =
    element &&
    ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName) &&
    element.type !== 'checkbox' &&
    element.value === '' &&
    !element.validity?.badInput;
  if (element?.validity?.badInput)
    return element.type === 'date' ? 'must be a complete date' : 'must be a number';
  return empty && issue.path === fieldPath ? 'is required' : issue.message;
}

const lastFieldName = (path) => humanize(path.split('.').pop());

/** A field's name with the groups around it, e.g. "Provider › Practice › City". */
function fullLabel(path) {
  const keys = path.split('.');
  const names = [];
  for (let length = 1; length <= keys.length; length++) {
    const field = state.fields.get(keys.slice(0, length).join('.'));
    // A list's rows name themselves ("Diagnosis 1").
    if (field && !(field.rows && length < keys.length)) names.push(field.label);
  }
  return names.join(' › ');
}

function describeIssue(issue) {
  const fieldPath = fieldFor(issue.path) ?? '';
  const field = state.fields.get(fieldPath);
  const sub =
    issue.path !== fieldPath && fieldPath !== '' ? humanize(issue.path.slice(fieldPath.length + 1)) : '';
  return {
    fieldPath,
    label: field ? [field.label, sub].filter(Boolean).join(' › ') : humanize(issue.path || 'letter'),
    fullLabel: field
      ? [fullLabel(fieldPath), sub].filter(Boolean).join(' › ')
      : humanize(issue.path || 'letter'),
    message: messageFor(issue, fieldPath),
  };
}

function showMessages() {
  const byField = new Map();
  for (const issue of state.issues) {
    const described = describeIssue(issue);
    if (!byField.has(described.fieldPath)) byField.set(described.fieldPath, []);
    byField.get(described.fieldPath).push(described);
  }
  for (const [path, field] of state.fields) {
    const error = document.getElementById(`${field.id}-error`);
    const control = document.getElementById(field.id);
    if (!error || !control) continue;
    const problems = isShown(path) && !state.dirty.has(path) ? (byField.get(path) ?? []) : [];
    error.hidden = problems.length === 0;
    error.replaceChildren(
      ...problems.map((problem) => h('span', {}, `${problem.label} ${problem.message}.`)),
    );
    const help = document.getElementById(`${field.id}-help`);
    if (problems.length > 0) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', describedBy(error.id, help?.id));
    } else {
      control.removeAttribute('aria-invalid');
      const described = describedBy(help?.id);
      if (described) control.setAttribute('aria-describedby', described);
      else control.removeAttribute('aria-describedby');
    }
  }
  renderChecks();
}

function focusField(path) {
  const field = state.fields.get(path);
  const element = field && document.getElementById(field.id);
  if (!element) return;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === 'DETAILS') parent.open = true;
  }
  const target = field.group
    ? (element.querySelector('input, select, textarea, button') ?? element)
    : element;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

function fieldLink(path, label) {
  if (!state.fields.has(path)) return h('strong', {}, label);
  return h('a', { href: `#${state.fields.get(path).id}`, 'data-focus': path }, label);
}

/** A draft unless the provider asks for a copy to sign by hand or attests electronically. */
function isSigned() {
  const signature = state.data.provider?.signature;
  if (state.patientMode || signature === undefined) return false;
  return (
    signature.mode === 'for-signature' ||
    signature.mode === 'electronic' ||
    !isEmptyValue(signature.electronic)
  );
}

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 };

/** Blocking findings first, then warnings, then notes; each level in the rules' order. */
function sortFindings(findings) {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (LEVEL_ORDER[a.finding.level] ?? 3) - (LEVEL_ORDER[b.finding.level] ?? 3) || a.index - b.index,
    )
    .map(({ finding }) => finding);
}

function renderChecks() {
  const container = $('checks');
  const parts = [];
  const described = state.issues.map((issue) => ({ issue, ...describeIssue(issue) }));
  // "To correct": a value the person has finished with (left the field) that is wrong. Anything
  // else, empty or still being typed, is "to fill in", whatever the rule that found it.
  const wrong = described.filter(
    ({ issue, fieldPath }) =>
      issue.code !== 'REQUIRED' && !isEmptyValue(getAt(state.data, fieldPath)) && isShown(fieldPath),
  );
  // The form's order: fields are recorded as they are drawn.
  const order = [...state.fields.keys()];
  const rank = (entry) => {
    const index = order.indexOf(entry.fieldPath);
    return index === -1 ? order.length : index;
  };
  const missing = described.filter((entry) => !wrong.includes(entry)).sort((a, b) => rank(a) - rank(b));
  const findings = sortFindings(state.blocking ?? state.findings);
  // "Ready" only when Download would write: no field to fill in and no finding that stops it.
  const stopping = state.patientMode ? [] : findings.filter((finding) => finding.level === 'error');
  if (state.issues.length === 0 && stopping.length === 0) {
    parts.push(h('p', { class: 'ready' }, 'Ready: the letter can be written.'));
  } else if (state.issues.length === 0) {
    parts.push(
      h(
        'p',
        { class: 'summary' },
        `${stopping.length} ${stopping.length === 1 ? 'finding marked “Must fix” stops' : 'findings marked “Must fix” stop'} the letter.`,
      ),
    );
  } else {
    const counts = [
      missing.length > 0 && `${missing.length} ${missing.length === 1 ? 'field' : 'fields'} to fill in`,
      wrong.length > 0 && `${wrong.length} to correct`,
    ].filter(Boolean);
    parts.push(h('p', { class: 'summary' }, `${counts.join(' and ')} before the letter can be written.`));
  }
  if (wrong.length > 0) {
    parts.push(
      h('h3', {}, 'To correct'),
      h(
        'ul',
        { class: 'problems' },
        wrong.map(({ fieldPath, fullLabel: label, message }) =>
          h('li', { class: 'level-error' }, fieldLink(fieldPath, label), ` ${message}.`),
        ),
      ),
    );
  }
  if (missing.length > 0) {
    parts.push(
      h(
        'details',
        { class: 'missing', open: state.showAll || missing.length <= 8 || undefined },
        h('summary', {}, `Still to fill in (${missing.length})`),
        h(
          'ul',
          { class: 'problems' },
          missing.map(({ fieldPath, fullLabel: label }) => h('li', {}, fieldLink(fieldPath, label))),
        ),
      ),
    );
  }
  if (findings.length > 0) {
    parts.push(
      h('h3', {}, 'Findings'),
      h(
        'ul',
        { class: 'findings' },
        findings.map((finding) => {
          const fieldPath = fieldFor(finding.path);
          return h(
            'li',
            { class: `level-${finding.level}` },
            h('span', { class: 'level' }, LEVEL_NAMES[finding.level] ?? finding.level),
            ' ',
            fieldPath ? fieldLink(fieldPath, fullLabel(fieldPath)) : undefined,
            fieldPath ? ': ' : '',
            finding.message,
            h('span', { class: 'source' }, ` (${finding.source})`),
          );
        }),
      ),
    );
  }
  if (stopping.length > 0 && state.issues.length === 0) {
    const anyway = h('button', { type: 'button', id: 'download-anyway' }, 'Download anyway');
    anyway.addEventListener('click', () => download(true));
    parts.push(
      h(
        'p',
        { class: 'blocking' },
        'The findings marked “Must fix” stop the letter. Fix them, or write it anyway. ',
      ),
      anyway,
    );
  }
  if (state.issues.length === 0 && !isSigned()) {
    parts.push(
      state.patientMode
        ? h('p', { class: 'note' }, 'This is a draft: every page says DRAFT until your provider signs it.')
        : h(
            'p',
            { class: 'note' },
            'Draft: every page says DRAFT until you choose a copy to sign by hand or sign electronically (',
            fieldLink('provider.signature', fullLabel('provider.signature') || 'Signature'),
            ').',
          ),
    );
  }
  container.replaceChildren(...parts);
}

// ---------- checking and previewing ----------

function scheduleCheck() {
  // A check already on its way answers for data that has changed since: ignore it.
  state.checkSeq += 1;
  clearTimeout(state.checkTimer);
  state.checkTimer = setTimeout(runCheck, CHECK_DELAY_MS);
  saveToStorage();
}

/** A patient's letter is a draft: missing fields are placeholders and findings never stop it. */
const draftQuery = () => (state.patientMode ? '?draft=true' : '');

async function runCheck() {
  const seq = ++state.checkSeq;
  const kind = state.kind;
  const { payload, toFormPath } = buildPayload();
  try {
    const response = await api(`/v1/letters/${encodeURIComponent(kind)}/check`, {
      method: 'POST',
      body: payload,
      query: draftQuery(),
    });
    const report = await readJson(response);
    if (seq !== state.checkSeq) return;
    // Only now is what the check said about the fields changed before it current.
    state.dirty.clear();
    if (!response.ok || !report) {
      setStatus(report?.detail ?? 'The letter could not be checked.');
      return;
    }
    const wasReady = state.issues.length === 0 && state.hasPreview;
    state.issues = report.issues.map((issue) => ({ ...issue, path: toFormPath(issue.path) }));
    state.findings = report.findings.map((finding) => ({ ...finding, path: toFormPath(finding.path) }));
    state.blocking = undefined;
    showMessages();
    await runPreview(seq, kind, payload);
    if (!wasReady && state.issues.length === 0) setStatus('Ready: the preview shows the letter.');
  } catch {
    if (seq === state.checkSeq) setStatus('The service cannot be reached; check that lmnkit is running.');
  }
}

/** Shows the letter for valid input; a newer preview wins, but an older one beats none. */
async function runPreview(seq, kind, payload) {
  const previewSeq = ++state.previewSeq;
  // Until every field is filled in, the preview is a draft: what is missing shows as a placeholder.
  const draft = state.patientMode || state.issues.length > 0;
  const response = await api(`/v1/letters/${encodeURIComponent(kind)}/preview`, {
    method: 'POST',
    body: payload,
    query: draft ? '?draft=true' : '',
  });
  const html = response.ok ? await response.text() : undefined;
  if (previewSeq !== state.previewSeq || kind !== state.kind) return;
  if (html === undefined) {
    markPreviewStale();
    return;
  }
  const frame = $('preview');
  frame.srcdoc = html;
  frame.hidden = false;
  state.hasPreview = true;
  frame.classList.remove('stale');
  const note = $('preview-note');
  note.hidden = !draft;
  note.textContent = draft ? 'Draft: the words in [brackets] stand for what is still to fill in.' : '';
}

function markPreviewStale() {
  const note = $('preview-note');
  note.hidden = false;
  if (state.hasPreview) {
    $('preview').classList.add('stale');
    note.textContent =
      'Out of date: the preview updates when the fields listed under “Checks” are corrected.';
  } else {
    note.textContent = 'The preview appears as you fill in the form.';
  }
}

function resetPreview() {
  state.hasPreview = false;
  state.previewSeq += 1;
  const frame = $('preview');
  frame.hidden = true;
  frame.removeAttribute('srcdoc');
  markPreviewStale();
}

// ---------- download, save, open ----------

/** "lmn-insurance-2026-11-27.pdf": the kind and the letter's date, never the patient's name. */
function fileStem() {
  const { schema } = layout();
  const key = discriminatorOf(schema);
  const purpose = key ? `-${resolveSchema(schema, state.data).properties[key].const}` : '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(state.data.date ?? '') ? `-${state.data.date}` : '';
  return `${state.kind}${purpose}${date}${state.patientMode ? '-draft' : ''}`;
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function download(force = false) {
  // The answer to this request replaces whatever a check on its way would say.
  clearTimeout(state.checkTimer);
  state.checkSeq += 1;
  state.showAll = true;
  const { payload, toFormPath } = buildPayload();
  const button = $('download');
  button.disabled = true;
  setStatus('Writing the PDF…');
  try {
    const response = await api(`/v1/letters/${encodeURIComponent(state.kind)}`, {
      method: 'POST',
      body: payload,
      query: state.patientMode ? '?draft=true' : force ? '?force=true' : '',
    });
    if (response.ok) {
      state.blocking = undefined;
      state.unsaved = false;
      saveBlob(await response.blob(), `${fileStem()}.pdf`);
      setStatus(`Downloaded ${fileStem()}.pdf.`);
      void runCheck();
      return;
    }
    const problem = await readJson(response);
    if (response.status === 422 && problem?.findings) {
      state.blocking = problem.findings.map((finding) => ({ ...finding, path: toFormPath(finding.path) }));
      renderChecks();
      setStatus('Not written: a finding stops the letter. See “Checks”.');
      $('download-anyway')?.focus();
    } else if (response.status === 422 && problem?.issues) {
      state.issues = problem.issues.map((issue) => ({ ...issue, path: toFormPath(issue.path) }));
      showMessages();
      setStatus(
        `Not written: ${state.issues.length} ${state.issues.length === 1 ? 'field needs' : 'fields need'} attention.`,
      );
      const first = fieldFor(state.issues[0]?.path ?? '');
      if (first) focusField(first);
    } else if (response.status !== 401) {
      setStatus(problem?.detail ?? 'The PDF could not be written.');
    }
  } catch {
    setStatus('The service cannot be reached; check that lmnkit is running.');
  } finally {
    button.disabled = false;
  }
}

function saveJson() {
  const { payload } = buildPayload({ materialize: false });
  saveBlob(
    new Blob([`${JSON.stringify(payload, null, 2)}\n`], { type: 'application/json' }),
    `${fileStem()}.json`,
  );
  state.unsaved = false;
  setStatus(`Saved ${fileStem()}.json: open it here again, or pass it to the API or the lmnkit command.`);
}

/** The kind whose schema fits the data best: fewest unknown fields, then fewest missing required ones. */
function guessKind(data) {
  const score = (kind) => {
    const { schema } = state.layouts.get(kind);
    const root = resolveSchema(schema, data);
    const unknown = Object.keys(data).filter((key) => !root.properties?.[key]).length;
    const missing = (root.required ?? []).filter((key) => data[key] === undefined).length;
    return unknown * 100 + missing;
  };
  return state.kinds
    .map(({ kind }) => kind)
    .reduce((best, kind) => (score(kind) < score(best) ? kind : best), state.kind);
}

async function openJson(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    setStatus(`${file.name} is not a JSON file.`);
    return;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    setStatus(`${file.name} does not hold a letter's fields.`);
    return;
  }
  replaceForm(guessKind(data), data, `Opened ${file.name}.`);
}

async function loadExample() {
  const name = $('example').value;
  const example = state.examples.find((candidate) => candidate.name === name);
  if (!example) {
    setStatus('Choose an example first.');
    $('example').focus();
    return;
  }
  const response = await api(`/form/examples/${encodeURIComponent(name)}`);
  const data = await readJson(response);
  if (!response.ok || !data) {
    setStatus('The example could not be loaded.');
    return;
  }
  replaceForm(example.kind, data, `Loaded the example “${exampleLabel(example)}”.`);
}

/** Puts new data in the form, keeping the old for one undo. */
function replaceForm(kind, data, message, { showAll = true } = {}) {
  const previous = { kind: state.kind, data: state.data, patientMode: state.patientMode };
  state.kind = kind;
  state.data = data;
  state.patientMode = false;
  state.touched = new Set();
  state.open = new Set();
  state.emptied = new Set();
  state.showAll = showAll;
  state.issues = [];
  state.findings = [];
  state.blocking = undefined;
  $('kind').value = kind;
  $('patient-mode').checked = false;
  resetPreview();
  render();
  const unknown = listUnknownFields(layout().schema, data);
  const ignored = unknown.length > 0 ? ` Not used by this letter: ${unknown.join(', ')}.` : '';
  setStatus(`${message}${ignored}`, {
    label: 'Undo',
    run: () => {
      replaceForm(previous.kind, previous.data, 'Undone.', { showAll: false });
      if (previous.patientMode) setPatientMode(true);
    },
  });
  scheduleCheck();
}

function emptyData() {
  return { date: todayIso() };
}

function clearForm() {
  localStorage.removeItem(STORAGE_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  state.unsaved = false;
  state.remember = false;
  $('remember').checked = false;
  replaceForm(state.kind, emptyData(), 'Cleared the form; nothing is kept in this browser.', {
    showAll: false,
  });
  offerPractice();
}

// ---------- storage (opt-in) ----------

/** The tab keeps its entries for a reload (session storage); this browser only when asked. */
function saveToStorage() {
  const saved = JSON.stringify({ kind: state.kind, data: state.data, patientMode: state.patientMode });
  try {
    sessionStorage.setItem(SESSION_KEY, saved);
    if (state.remember) localStorage.setItem(STORAGE_KEY, saved);
  } catch {
    setStatus('This browser would not keep the entries (storage full or blocked).');
  }
}

function readStorage(storage, key) {
  try {
    const saved = JSON.parse(storage.getItem(key) ?? 'null');
    if (saved && typeof saved.kind === 'string' && saved.data && typeof saved.data === 'object') return saved;
  } catch {
    // Unreadable: start empty.
  }
  return undefined;
}

// ---------- the practice set-up (letterhead and providers, entered once) ----------

const PRACTICE_FIELDS = [
  ['practice.name', 'Practice name'],
  ['practice.address.line1', 'Street address'],
  ['practice.address.line2', 'Address line 2', 'text', true],
  ['practice.address.city', 'City'],
  ['practice.address.state', 'State'],
  ['practice.address.postalCode', 'ZIP code'],
  ['practice.phone', 'Phone', 'tel'],
  ['practice.fax', 'Fax', 'tel', true],
  ['practice.email', 'Email', 'email', true],
  ['practice.logo', 'Logo (PNG or JPEG)', 'image', true],
];
const PROVIDER_FIELDS = [
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['credentials', 'Credentials', 'text', false, 'MD, DC'],
  ['specialty', 'Specialty', 'text', true],
  ['npi', 'NPI'],
  ['license.state', 'License state'],
  ['license.number', 'License number'],
  ['signatureImage', 'Signature image (PNG or JPEG)', 'image', true],
];

function practiceInput(path, label, type = 'text', optional = false, placeholder) {
  const id = `pp-${path.replace(/\./g, '-')}`;
  const value = getAt(state.practice, path);
  const text = Array.isArray(value) ? value.join(', ') : (value ?? '');
  const input =
    type === 'image'
      ? h('input', { id, type: 'file', accept: 'image/png,image/jpeg', 'data-practice-path': path })
      : h('input', { id, type, placeholder, spellcheck: 'false', 'data-practice-path': path });
  if (type !== 'image') input.value = text;
  const attached = type === 'image' && text !== '' ? h('span', { class: 'help' }, ' Attached.') : undefined;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label, optional ? h('span', { class: 'optional' }, ' (optional)') : undefined),
    input,
    attached,
  );
}

function renderPractice() {
  const providers = state.practice.providers ?? [];
  $('practice-fields').replaceChildren(
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, 'Letterhead'),
      h(
        'div',
        { class: 'grid' },
        PRACTICE_FIELDS.map((field) => practiceInput(...field)),
      ),
    ),
    ...providers.map((_provider, index) =>
      h(
        'fieldset',
        { class: 'group row' },
        h('legend', {}, `Provider ${index + 1}`),
        h(
          'div',
          { class: 'grid' },
          PROVIDER_FIELDS.map(([key, ...rest]) => practiceInput(`providers.${index}.${key}`, ...rest)),
        ),
        providers.length > 1
          ? h(
              'button',
              { type: 'button', class: 'remove', 'data-practice-remove': index },
              `Remove provider ${index + 1}`,
            )
          : undefined,
      ),
    ),
  );
  updateProviderPick();
}

function providerName(provider) {
  const name = [provider.firstName, provider.lastName].filter(Boolean).join(' ');
  const credentials = (provider.credentials ?? []).join(', ');
  return [name, credentials].filter(Boolean).join(', ');
}

function updateProviderPick() {
  const providers = (state.practice.providers ?? []).filter((provider) => providerName(provider) !== '');
  const pick = $('provider-pick');
  pick.replaceChildren(
    h('option', { value: '' }, 'As entered in the form'),
    ...(state.practice.providers ?? []).flatMap((provider, index) =>
      providerName(provider) === '' ? [] : [h('option', { value: String(index) }, providerName(provider))],
    ),
  );
  // The provider the letter names, if the set-up has them.
  const npi = state.data.provider?.npi;
  const named = (state.practice.providers ?? []).findIndex((provider) => npi && provider.npi === npi);
  pick.value = named === -1 ? '' : String(named);
  $('provider-pick-field').hidden = providers.length === 0;
}

/** Cleans the set-up for storage or export: no empty text, credentials as a list. */
function cleanPractice(value) {
  if (Array.isArray(value)) return value.map(cleanPractice).filter((item) => !isEmptyValue(item));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, cleanPractice(item)])
      .filter(([, item]) => !isEmptyValue(item));
    return Object.fromEntries(entries);
  }
  return typeof value === 'string' ? value.trim() : value;
}

function storePractice() {
  try {
    if (state.keepPractice) localStorage.setItem(PRACTICE_KEY, JSON.stringify(cleanPractice(state.practice)));
    else localStorage.removeItem(PRACTICE_KEY);
  } catch {
    setStatus('This browser would not keep the practice (storage full or blocked).');
  }
}

/** Fills the letter's provider and letterhead from the set-up; the signature choice stays. */
function applyProvider(index) {
  const chosen = cleanPractice(state.practice.providers?.[index] ?? {});
  const { signatureImage, ...provider } = chosen;
  const signature = state.data.provider?.signature;
  state.data.provider = {
    ...structuredClone(provider),
    practice: structuredClone(cleanPractice(state.practice.practice ?? {})),
    ...(signature && { signature }),
  };
  // A signature image signs nothing by itself: it goes with the provider's own electronic attestation.
  if (signatureImage && signature?.electronic) state.data.provider.signature.image = signatureImage;
  render();
  scheduleCheck();
  setStatus(`Filled in ${providerName(provider)} and the letterhead from the practice set-up.`);
}

/** With a set-up and an empty provider section, the first provider fills it. */
function offerPractice() {
  const first = (state.practice.providers ?? []).findIndex((provider) => providerName(provider) !== '');
  if (first !== -1 && isEmptyValue(state.data.provider)) applyProvider(first);
}

function onPracticeInput(event) {
  const path = event.target.dataset.practicePath;
  if (!path || event.target.type === 'file') return;
  const { value } = event.target;
  setAt(
    state.practice,
    path,
    path.endsWith('.credentials')
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value,
  );
  storePractice();
  updateProviderPick();
}

function onPracticeFile(event) {
  const path = event.target.dataset.practicePath;
  const file = event.target.files?.[0];
  if (!path || !file) return;
  const reader = new FileReader();
  reader.addEventListener('load', () => {
    setAt(state.practice, path, String(reader.result));
    storePractice();
    renderPractice();
  });
  reader.readAsDataURL(file);
}

async function importPractice(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    setStatus(`${file.name} is not a JSON file.`);
    return;
  }
  if (
    !data ||
    typeof data !== 'object' ||
    !Array.isArray(data.providers) ||
    typeof data.practice !== 'object'
  ) {
    setStatus(`${file.name} is not a practice file: it needs "practice" and "providers".`);
    return;
  }
  state.practice = data;
  storePractice();
  renderPractice();
  offerPractice();
  setStatus(`Imported the practice from ${file.name}.`);
}

async function loadPractice() {
  try {
    const kept = JSON.parse(localStorage.getItem(PRACTICE_KEY) ?? 'null');
    if (kept && Array.isArray(kept.providers)) {
      state.practice = kept;
      state.keepPractice = true;
      $('practice-keep').checked = true;
      return;
    }
  } catch {
    // Unreadable: ask the service.
  }
  const response = await api('/v1/practice');
  if (response.status === 200) {
    const served = await readJson(response);
    if (served && Array.isArray(served.providers)) state.practice = served;
  }
}

function wirePractice() {
  $('practice-fields').addEventListener('input', onPracticeInput);
  $('practice-fields').addEventListener('change', onPracticeFile);
  $('practice-fields').addEventListener('click', (event) => {
    const index = event.target.closest('[data-practice-remove]')?.dataset.practiceRemove;
    if (index === undefined) return;
    state.practice.providers.splice(Number(index), 1);
    storePractice();
    renderPractice();
  });
  $('practice-add').addEventListener('click', () => {
    state.practice.providers = [...(state.practice.providers ?? []), {}];
    renderPractice();
    $(`pp-providers-${state.practice.providers.length - 1}-firstName`)?.focus();
  });
  $('practice-export').addEventListener('click', () => {
    const json = `${JSON.stringify(cleanPractice(state.practice), null, 2)}\n`;
    saveBlob(new Blob([json], { type: 'application/json' }), 'practice.json');
    setStatus('Exported practice.json: import it in another browser, or start lmnkit with --practice.');
  });
  $('practice-import').addEventListener('click', () => $('practice-file').click());
  $('practice-file').addEventListener('change', () => {
    const file = $('practice-file').files?.[0];
    if (file) void importPractice(file);
    $('practice-file').value = '';
  });
  $('practice-keep').addEventListener('change', () => {
    state.keepPractice = $('practice-keep').checked;
    storePractice();
    setStatus(state.keepPractice ? 'The practice is kept in this browser.' : 'The practice is not kept.');
  });
  $('provider-pick').addEventListener('change', () => {
    if ($('provider-pick').value !== '') applyProvider(Number($('provider-pick').value));
  });
}

// ---------- patient mode ----------

function updatePatientMode() {
  const mode = layout().hints.patientMode;
  $('patient-mode-field').hidden = !mode;
  $('patient-mode').checked = state.patientMode;
  $('download').textContent = state.patientMode ? 'Download draft PDF' : 'Download PDF';
  document.body.classList.toggle('patient-mode', state.patientMode);
}

function setPatientMode(on) {
  const mode = layout().hints.patientMode;
  state.patientMode = Boolean(on && mode);
  if (state.patientMode) state.data.purpose = mode.purpose;
  render();
  scheduleCheck();
}

// ---------- events ----------

function readControl(control) {
  const widget = control.dataset.widget;
  if (widget === 'checkbox') return control.checked ? true : undefined;
  if (widget === 'number') {
    if (control.validity.badInput) return null;
    return control.value === '' ? undefined : Number(control.value);
  }
  return control.value === '' ? undefined : control.value;
}

function onInput(event) {
  const control = event.target;
  const path = control.dataset?.path;
  if (!path || control.type === 'file') return;
  setAt(state.data, path, readControl(control));
  state.dirty.add(path);
  state.unsaved = true;
  if (['text', 'textarea', 'tel', 'email', 'number', 'icd10cm'].includes(control.dataset.widget))
    state.editing = path;
  if (control.dataset.widget === 'discriminator') {
    if (state.patientMode && control.value !== layout().hints.patientMode?.purpose) state.patientMode = false;
    render();
  }
  if (control.dataset.widget === 'icd10cm') lookupDiagnoses(control);
  // Naming the administrator (or the account holder) changes which fields it requires.
  if (path === 'coverage.administrator' || path.startsWith('patient.accountHolder')) render();
  state.blocking = undefined;
  scheduleCheck();
}

function onChange(event) {
  const control = event.target;
  const path = control.dataset?.path;
  if (!path) return;
  if (control.type === 'file') {
    readImage(control, path);
    return;
  }
  state.touched.add(path);
  showMessages();
}

/** Shows messages now, or after the click in progress, so that nothing moves under the pointer. */
function showMessagesSoon() {
  if (state.pointerDown) state.messagesPending = true;
  else showMessages();
}

function onFocusOut(event) {
  const path = event.target.dataset?.path;
  if (path && event.target.type !== 'file') {
    state.editing = '';
    state.touched.add(path);
    showMessagesSoon();
  }
  if (event.target.dataset?.widget === 'icd10cm') closeOptions(event.target);
}

function shiftPaths(set, arrayPath, removed) {
  const prefix = `${arrayPath}.`;
  return new Set(
    [...set].flatMap((path) => {
      if (!path.startsWith(prefix)) return [path];
      const [index, ...rest] = path.slice(prefix.length).split('.');
      const number = Number(index);
      if (number === removed) return [];
      if (number < removed) return [path];
      return [[arrayPath, number - 1, ...rest].join('.')];
    }),
  );
}

function firstControlIn(element) {
  return element?.querySelector('input:not([type=hidden]), select, textarea');
}

function onClick(event) {
  const link = event.target.closest('a[data-focus]');
  if (link) {
    event.preventDefault();
    focusField(link.dataset.focus);
    return;
  }
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const path = button.dataset.path;
  if (button.dataset.action === 'add-row') {
    const rows = getAt(state.data, path);
    const schema = findSchema(path);
    rows.push(schemaType(schema.items ?? {}) === 'object' ? {} : '');
    render();
    const rowPath = joinPath(path, rows.length - 1);
    const row = document.getElementById(fieldId(rowPath));
    (firstControlIn(row?.tagName === 'FIELDSET' ? row : row?.parentElement) ?? row)?.focus();
  } else if (button.dataset.action === 'remove-row') {
    const keys = path.split('.');
    const index = Number(keys.pop());
    const arrayPath = keys.join('.');
    const rows = getAt(state.data, arrayPath);
    rows.splice(index, 1);
    if (rows.length === 0) state.emptied.add(arrayPath);
    state.touched = shiftPaths(state.touched, arrayPath, index);
    state.open = shiftPaths(state.open, arrayPath, index);
    render();
    const next =
      rows.length > index
        ? joinPath(arrayPath, index)
        : rows.length > 0
          ? joinPath(arrayPath, rows.length - 1)
          : undefined;
    const target = next && document.getElementById(fieldId(next));
    const focusTarget = target
      ? target.tagName === 'FIELDSET'
        ? firstControlIn(target)
        : target
      : document.querySelector(`button[data-action="add-row"][data-path="${CSS.escape(arrayPath)}"]`);
    focusTarget?.focus();
    setStatus(`Removed ${button.getAttribute('aria-label')?.replace(/^Remove /, '') ?? 'the row'}.`);
    scheduleCheck();
  } else if (button.dataset.action === 'remove-image') {
    setAt(state.data, path, undefined);
    render({ focus: fieldId(path) });
    scheduleCheck();
  }
}

/** The schema at a form path (rows resolved through `items`). */
function findSchema(path) {
  let schema = resolveSchema(layout().schema, state.data);
  let value = state.data;
  for (const key of path.split('.')) {
    value = value?.[key];
    schema = /^\d+$/.test(key) ? (schema.items ?? {}) : (schema.properties?.[key] ?? {});
    schema = resolveSchema(schema, value);
  }
  return schema;
}

function readImage(input, path) {
  const file = input.files?.[0];
  if (!file) return;
  if (!['image/png', 'image/jpeg'].includes(file.type)) {
    setStatus(`${file.name} is not a PNG or JPEG image.`);
    return;
  }
  const reader = new FileReader();
  reader.addEventListener('load', () => {
    setAt(state.data, path, String(reader.result));
    state.touched.add(path);
    render({ focus: fieldId(path) });
    scheduleCheck();
  });
  reader.readAsDataURL(file);
}

// ---------- the ICD-10-CM look-up (an ARIA combobox) ----------

let lookupTimer = 0;

function lookupDiagnoses(input) {
  clearTimeout(lookupTimer);
  const query = input.value.trim();
  if (query.length < 2) {
    closeOptions(input);
    return;
  }
  lookupTimer = setTimeout(async () => {
    const response = await api('/v1/icd10cm', { query: `?q=${encodeURIComponent(query)}` });
    const matches = response.ok ? await readJson(response) : [];
    if (document.activeElement !== input || input.value.trim() !== query) return;
    showOptions(input, matches ?? []);
  }, LOOKUP_DELAY_MS);
}

function showOptions(input, matches) {
  const list = $(input.getAttribute('aria-controls'));
  list.replaceChildren(
    ...matches.map((match, index) =>
      h(
        'li',
        {
          role: 'option',
          id: `${list.id}-${index}`,
          'data-code': match.code,
          'data-title': match.title,
          'aria-selected': 'false',
        },
        h('span', { class: 'code' }, match.code),
        ' ',
        match.title,
        match.billable ? undefined : h('span', { class: 'header-code' }, ' — category, not billable'),
      ),
    ),
  );
  if (matches.length === 0)
    list.append(h('li', { class: 'no-match', 'aria-disabled': 'true' }, 'No match in the built-in list'));
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
  input.removeAttribute('aria-activedescendant');
}

function closeOptions(input) {
  const list = $(input.getAttribute('aria-controls'));
  if (list) list.hidden = true;
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function moveActive(input, step) {
  const list = $(input.getAttribute('aria-controls'));
  const options = [...list.querySelectorAll('[role=option]')];
  if (list.hidden || options.length === 0) return;
  const current = options.findIndex((option) => option.id === input.getAttribute('aria-activedescendant'));
  const next = (current + step + options.length) % options.length;
  options.forEach((option, index) => option.setAttribute('aria-selected', String(index === next)));
  input.setAttribute('aria-activedescendant', options[next].id);
  options[next].scrollIntoView({ block: 'nearest' });
}

function pickOption(input, option) {
  const path = input.dataset.path;
  input.value = option.dataset.code;
  setAt(state.data, path, option.dataset.code);
  const descriptionPath = path.replace(/code$/, 'description');
  const description = document.getElementById(fieldId(descriptionPath));
  if (description && (description.value === '' || description.dataset.picked === description.value)) {
    description.value = option.dataset.title;
    description.dataset.picked = option.dataset.title;
    setAt(state.data, descriptionPath, option.dataset.title);
  }
  closeOptions(input);
  state.editing = '';
  state.touched.add(path);
  scheduleCheck();
}

function onKeyDown(event) {
  const input = event.target;
  if (input.dataset?.widget !== 'icd10cm') return;
  const list = $(input.getAttribute('aria-controls'));
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    if (list.hidden) lookupDiagnoses(input);
    else moveActive(input, event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter') {
    const active = input.getAttribute('aria-activedescendant');
    if (!list.hidden && active) {
      event.preventDefault();
      pickOption(input, $(active));
    }
  } else if (event.key === 'Escape' && !list.hidden) {
    event.preventDefault();
    closeOptions(input);
  }
}

function onOptionPointer(event) {
  const option = event.target.closest('[role=option]');
  if (!option) return;
  event.preventDefault();
  const input = document.querySelector(`[aria-controls="${CSS.escape(option.parentElement.id)}"]`);
  pickOption(input, option);
}

// ---------- start ----------

/** "Letter of Medical Necessity — to an HSA, FSA or HRA administrator (navia)". */
function exampleLabel(example) {
  const kind = state.kinds.find((candidate) => candidate.kind === example.kind);
  const purposes = state.layouts.get(example.kind)?.hints.fields.purpose?.options ?? {};
  const named = purposes[example.purpose] ?? optionText(example.purpose ?? '');
  const purpose = example.purpose ? ` — to ${named.charAt(0).toLowerCase()}${named.slice(1)}` : '';
  const prefix = [example.kind, example.purpose].filter(Boolean).join('-');
  const rest = example.name.startsWith(`${prefix}-`) ? ` (${example.name.slice(prefix.length + 1)})` : '';
  return `${kind?.title ?? example.kind}${purpose}${rest}`;
}

function updateButtons() {
  for (const id of ['download', 'save', 'open', 'clear', 'kind', 'example', 'load-example'])
    $(id).disabled = false;
}

async function start() {
  const [kindsResponse, examplesResponse] = await Promise.all([api('/v1/kinds'), api('/form/examples')]);
  if (!kindsResponse.ok) {
    if (kindsResponse.status !== 401) setStatus('The letter kinds could not be loaded.');
    return;
  }
  state.kinds = await kindsResponse.json();
  state.examples = examplesResponse.ok ? await examplesResponse.json() : [];
  const layouts = await Promise.all(
    state.kinds.map(async ({ kind }) => (await api(`/v1/kinds/${encodeURIComponent(kind)}/form`)).json()),
  );
  for (const entry of layouts) state.layouts.set(entry.kind, entry);

  $('kind').replaceChildren(...state.kinds.map(({ kind, title }) => h('option', { value: kind }, title)));
  $('example').append(
    ...state.examples.map((example) => h('option', { value: example.name }, exampleLabel(example))),
  );

  const kept = readStorage(localStorage, STORAGE_KEY);
  const tab = readStorage(sessionStorage, SESSION_KEY);
  const saved = tab ?? kept;
  if (saved && state.layouts.has(saved.kind)) {
    state.remember = kept !== undefined;
    state.kind = saved.kind;
    state.data = saved.data;
    state.patientMode = saved.patientMode === true;
    $('remember').checked = state.remember;
    setStatus(tab ? 'Restored the entries of this tab.' : 'Restored the entries kept in this browser.');
  } else {
    state.kind = state.kinds[0].kind;
    state.data = emptyData();
  }
  $('kind').value = state.kind;
  await loadPractice();
  renderPractice();
  render();
  offerPractice();
  scheduleCheck();
}

function wireEvents() {
  document.addEventListener('pointerdown', () => (state.pointerDown = true), true);
  const released = () => {
    state.pointerDown = false;
    if (!state.messagesPending) return;
    state.messagesPending = false;
    // After the click lands: the click event follows pointerup in the same task.
    setTimeout(showMessages, 0);
  };
  document.addEventListener('pointerup', released, true);
  document.addEventListener('pointercancel', released, true);
  window.addEventListener('beforeunload', (event) => {
    if (!state.unsaved) return;
    event.preventDefault();
    event.returnValue = '';
  });
  const form = $('letter-form');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', onInput);
  form.addEventListener('change', onChange);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('keydown', onKeyDown);
  form.addEventListener('mousedown', onOptionPointer);
  form.addEventListener(
    'toggle',
    (event) => {
      const path = event.target.dataset?.path;
      if (!path || event.target.tagName !== 'DETAILS') return;
      if (event.target.open) state.open.add(path);
      else state.open.delete(path);
    },
    true,
  );
  $('checks').addEventListener('click', onClick);
  $('kind').addEventListener('change', () => {
    state.kind = $('kind').value;
    state.patientMode = state.patientMode && Boolean(layout().hints.patientMode);
    state.issues = [];
    state.findings = [];
    state.blocking = undefined;
    resetPreview();
    render({ focus: 'kind' });
    // One case, every letter: the entries stay; those this letter does not use wait for the next.
    const unused = listUnknownFields(layout().schema, state.data).filter(
      (path) => !isEmptyValue(getAt(state.data, path)),
    );
    const title = state.kinds.find(({ kind }) => kind === state.kind)?.title ?? state.kind;
    setStatus(
      unused.length > 0
        ? `${title}: kept what the letters share. Not used by this letter (kept for the others): ${unused.map(lastFieldName).join(', ')}.`
        : `${title}: kept what the letters share.`,
    );
    scheduleCheck();
  });
  $('load-example').addEventListener('click', loadExample);
  $('patient-mode').addEventListener('change', () => setPatientMode($('patient-mode').checked));
  $('remember').addEventListener('change', () => {
    state.remember = $('remember').checked;
    if (state.remember) {
      saveToStorage();
      setStatus('Your entries are kept in this browser until you clear the form.');
    } else {
      localStorage.removeItem(STORAGE_KEY);
      setStatus('Nothing is kept in this browser.');
    }
  });
  $('download').addEventListener('click', () => download(false));
  $('save').addEventListener('click', saveJson);
  $('open').addEventListener('click', () => $('open-file').click());
  $('open-file').addEventListener('change', () => {
    const file = $('open-file').files?.[0];
    if (file) void openJson(file);
    $('open-file').value = '';
  });
  $('clear').addEventListener('click', clearForm);
  $('api-key').addEventListener('change', () => {
    state.apiKey = $('api-key').value.trim();
    if (state.kinds.length === 0) void start();
    else scheduleCheck();
  });
}

wireEvents();
wirePractice();
void start();
