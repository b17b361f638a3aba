// The Manage API Tokens page. No framework, no external assets: it runs under a strict CSP.
// The password is kept in this closure's memory only (never in storage or a cookie), sent as HTTP Basic
// to our own REST API (/api/v1/tokens), and forgotten on logout or reload.
(() => {
  'use strict';

  const NAME_RULE = /^[A-Za-z0-9_-]+$/;
  const MAX_NAME = 50;
  let credentials = null; // { user, header }
  let tokens = [];
  let sort = { key: 'name', ascending: true };
  let pendingRevoke = null;
  let pendingRotate = null;
  let editing = null; // the token whose access the edit view changes
  let accountFeatures = []; // [{ name, label }]: what a limited token may be given
  const MAX_IPS = 100;
  const MAX_RATE = 100000; // the most calls a minute a token's rate limit may allow (TokenService.MAX_RATE_LIMIT)

  const $ = (id) => document.getElementById(id);
  const views = ['view-login', 'view-list', 'view-create', 'view-edit', 'view-created', 'view-activity'];

  function show(view) {
    for (const id of views) {
      $(id).hidden = id !== view;
    }
    const heading = $(view).querySelector('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Authorization': credentials.header, 'X-Requested-With': 'XMLHttpRequest' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    let json = null;
    if (response.status !== 204) {
      try {
        json = await response.json();
      } catch (e) {
        json = null;
      }
    }
    if (response.status === 401) {
      logout('Your session ended. Log in again.');
      throw new Error('unauthorized');
    }
    if (response.status === 429) {
      logout(tooManyAttempts(response));
      throw new Error('blocked');
    }
    return { status: response.status, json };
  }

  /** cPHulk blocked this address (429 with Retry-After, in seconds). */
  function tooManyAttempts(response) {
    const seconds = parseInt(response.headers.get('Retry-After') || '', 10);
    let wait = 'a while';
    if (seconds > 0) {
      const minutes = Math.ceil(seconds / 60);
      wait = seconds < 60 ? seconds + (seconds === 1 ? ' second' : ' seconds') : minutes + (minutes === 1 ? ' minute' : ' minutes');
    }
    return 'Too many attempts, try again in ' + wait + '.';
  }

  // --- Login and logout -------------------------------------------------------------------------

  async function login(event) {
    event.preventDefault();
    const user = $('login-user').value.trim();
    const password = $('login-password').value;
    const error = $('login-error');
    error.hidden = true;
    if (!user || !password) {
      error.textContent = 'Enter your username and password.';
      error.hidden = false;
      return;
    }
    const header = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
    $('login-submit').disabled = true;
    try {
      const response = await fetch('/api/v1/tokens', {
        headers: { 'Accept': 'application/json', 'Authorization': header, 'X-Requested-With': 'XMLHttpRequest' }, cache: 'no-store'
      });
      if (response.status === 429) {
        error.textContent = tooManyAttempts(response);
        error.hidden = false;
        $('login-password').value = '';
        return;
      }
      if (response.status !== 200) {
        // One message for every failure: never say whether the user exists.
        error.textContent = 'The username or password is incorrect.';
        error.hidden = false;
        $('login-password').value = '';
        $('login-password').focus();
        return;
      }
      credentials = { user, header };
      tokens = await response.json();
      accountFeatures = await loadFeatures();
      $('login-password').value = '';
      $('who-name').textContent = user;
      $('who').hidden = false;
      renderList();
      show('view-list');
    } catch (e) {
      error.textContent = 'The server could not be reached. Try again.';
      error.hidden = false;
    } finally {
      $('login-submit').disabled = false;
    }
  }

  /** The account's features with their plain-language names (GET /api/v1/features). */
  async function loadFeatures() {
    const { status, json } = await api('GET', '/api/v1/features');
    return status === 200 && Array.isArray(json) ? json : [];
  }

  function logout(message) {
    credentials = null;
    tokens = [];
    accountFeatures = [];
    forgetCreatedToken();
    activity = null;
    for (const id of ['token-rows', 'event-rows', 'chart-rows', 'chart']) {
      $(id).replaceChildren();
    }
    $('who').hidden = true;
    $('login-form').reset();
    const error = $('login-error');
    error.textContent = message || '';
    error.hidden = !message;
    show('view-login');
  }

  // --- The list ----------------------------------------------------------------------------------

  async function reload(message) {
    const { status, json } = await api('GET', '/api/v1/tokens');
    if (status === 200) {
      tokens = json;
      renderList(message);
    }
  }

  function formatTime(epoch) {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epoch * 1000));
  }

  function formatNumber(n) {
    return new Intl.NumberFormat().format(n);
  }

  function isExpired(token) {
    return token.expires_at !== null && token.expires_at * 1000 < Date.now();
  }

  function sorted() {
    const copy = tokens.slice();
    copy.sort((a, b) => {
      const order = sort.key === 'name' ? a.name.localeCompare(b.name, undefined, { sensitivity: 'variant' })
        : a.create_time - b.create_time || a.name.localeCompare(b.name);
      return sort.ascending ? order : -order;
    });
    return copy;
  }

  function cell(label, content) {
    const td = document.createElement('td');
    td.dataset.label = label;
    if (content instanceof Node) {
      td.append(content);
    } else {
      td.textContent = content;
    }
    return td;
  }

  function renderList(message) {
    const rows = $('token-rows');
    rows.replaceChildren();
    for (const token of sorted()) {
      const tr = document.createElement('tr');
      tr.dataset.name = token.name;
      tr.append(cell('Name', nameLabel(token.name)));
      tr.append(cell('Created', formatTime(token.create_time)));
      tr.append(cell('Expires', token.expires_at === null ? 'Never' : formatTime(token.expires_at)));
      tr.append(cell('Access', accessLabel(token)));
      tr.append(cell('Last used', token.last_used_at === null ? 'Never'
        : formatTime(token.last_used_at) + (token.last_used_ip ? ' from ' + token.last_used_ip : '')));
      const state = document.createElement('span');
      const expired = isExpired(token);
      state.className = 'badge ' + (expired ? 'badge-expired' : 'badge-active');
      state.textContent = expired ? 'Expired' : 'Active';
      tr.append(cell('State', state));
      const actions = document.createElement('div');
      actions.className = 'row-actions';
      actions.append(button('Activity', 'btn btn-small', () => openActivity(token.name), 'Activity of ' + token.name));
      actions.append(button('Rename', 'btn btn-small', () => startRename(tr, token.name), 'Rename ' + token.name));
      actions.append(button('Edit access', 'btn btn-small', () => openEdit(token), 'Edit access of ' + token.name));
      actions.append(button('Rotate', 'btn btn-small', () => askRotate(token.name), 'Rotate ' + token.name));
      actions.append(button('Revoke', 'btn btn-small btn-danger-ghost', () => askRevoke(token.name), 'Revoke ' + token.name));
      tr.append(cell('Actions', actions));
      rows.append(tr);
    }
    $('empty').hidden = tokens.length !== 0;
    $('tokens').hidden = tokens.length === 0;
    for (const th of document.querySelectorAll('#tokens th[data-key]')) {
      th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.ascending ? 'ascending' : 'descending') : 'none');
    }
    $('list-status').textContent = message || '';
  }

  /**
   * A token's name in the list. Names are words joined by hyphens and underscores: a long one wraps only after
   * those (a <wbr> after each), never inside a word; a single word too long for the column is cut with an
   * ellipsis, and the title shows the whole name.
   */
  function nameLabel(name) {
    const span = document.createElement('span');
    span.className = 'token-name';
    span.title = name;
    for (const part of name.split(/(?<=[-_])/)) {
      span.append(document.createTextNode(part));
      if (/[-_]$/.test(part)) {
        span.append(document.createElement('wbr'));
      }
    }
    return span;
  }

  function button(text, className, onClick, label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    if (label) {
      b.setAttribute('aria-label', label);
    }
    b.addEventListener('click', onClick);
    return b;
  }

  function sortBy(key) {
    sort = { key, ascending: sort.key === key ? !sort.ascending : true };
    renderList();
    document.querySelector('button[data-sort="' + key + '"]').focus();
  }

  // --- Access: full or limited (features, read only), and allowed addresses ----------------------

  function featureLabel(name) {
    const known = accountFeatures.find((f) => f.name === name);
    return known ? known.label : name;
  }

  /** Whether a limited token's features are simply all of the account's (then none is ticked). */
  function coversAllFeatures(features) {
    return accountFeatures.length > 0 && accountFeatures.every((f) => features.includes(f.name));
  }

  /** What the list says about a token's rights and addresses. */
  function accessLabel(token) {
    const box = document.createElement('div');
    const rights = document.createElement('span');
    const features = token.features || [];
    if (token.has_full_access === 1) {
      rights.textContent = 'Full access';
    } else {
      const parts = coversAllFeatures(features) ? [] : features.map(featureLabel);
      const kind = token.read_only === 1 ? 'Read only' : 'Limited';
      rights.textContent = parts.length ? kind + ': ' + parts.join(', ') : kind;
    }
    rights.className = 'access';
    box.append(rights);
    const ips = document.createElement('span');
    ips.className = 'ips';
    ips.textContent = token.whitelist_ips && token.whitelist_ips.length ? 'From ' + token.whitelist_ips.join(', ') : 'From any address';
    box.append(ips);
    if (token.rate_limit_per_minute !== null && token.rate_limit_per_minute !== undefined) {
      const rate = document.createElement('span');
      rate.className = 'rate';
      rate.textContent = 'At most ' + formatNumber(token.rate_limit_per_minute) + ' calls a minute';
      box.append(rate);
    }
    return box;
  }

  function renderFeatureChoices(prefix, ticked) {
    const group = $(prefix + 'feature-choices');
    group.replaceChildren();
    for (const feature of accountFeatures) {
      const id = prefix + 'feature-' + feature.name;
      const row = document.createElement('div');
      row.className = 'choice';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.value = feature.name;
      box.checked = ticked.includes(feature.name);
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = feature.label;
      row.append(box, label);
      group.append(row);
    }
  }

  /** Fills an access fieldset and the addresses from a token (or for a new one: full access, any address). */
  function fillAccess(prefix, token) {
    const limited = token !== null && token.has_full_access !== 1;
    const features = limited && !coversAllFeatures(token.features || []) ? token.features || [] : [];
    $(prefix + 'access-full').checked = !limited;
    $(prefix + 'access-limited').checked = limited;
    $(prefix + 'limits').hidden = !limited;
    $(prefix + 'read-only').checked = limited && token.read_only === 1;
    renderFeatureChoices(prefix, features);
    $(prefix + 'ips').value = token && token.whitelist_ips ? token.whitelist_ips.join('\n') : '';
    $(prefix + 'rate').value = token && token.rate_limit_per_minute !== null && token.rate_limit_per_minute !== undefined
      ? String(token.rate_limit_per_minute) : '';
    setError($(prefix + 'access-full'), $(prefix + 'access-error'), null);
    setError($(prefix + 'ips'), $(prefix + 'ips-error'), null);
    setError($(prefix + 'rate'), $(prefix + 'rate-error'), null);
  }

  /**
   * The calls-per-minute field: { value } (empty: null on create, 0 on a change, which is how PATCH lifts a limit),
   * or { error }.
   */
  function readRate(prefix, change) {
    const input = $(prefix + 'rate');
    const text = input.value.trim();
    if (text === '' && !input.validity.badInput) {
      return { value: change ? 0 : null };
    }
    const rule = 'Calls per minute: enter a whole number from 1 to ' + MAX_RATE + ', or leave it empty for no limit.';
    if (!/^\d+$/.test(text)) {
      return { error: rule };
    }
    const value = Number(text);
    return value >= 1 && value <= MAX_RATE ? { value } : { error: rule };
  }

  /**
   * The access part of a create or edit request (change: an edit's), { features, read_only, whitelist_ips,
   * rate_limit_per_minute }, or { error }. Full access is no features and not read only; the server checks each address.
   */
  function readAccess(prefix, change) {
    const ips = $(prefix + 'ips').value.split(/[\s,]+/).map((line) => line.trim()).filter((line) => line.length > 0);
    const rate = readRate(prefix, change);
    if (ips.length > MAX_IPS) {
      return { error: 'At most ' + MAX_IPS + ' addresses or ranges; this list has ' + ips.length + '.' };
    }
    if ($(prefix + 'access-full').checked) {
      return rate.error ? rate : { features: [], read_only: false, whitelist_ips: ips, rate_limit_per_minute: rate.value };
    }
    const features = Array.from($(prefix + 'feature-choices').querySelectorAll('input:checked')).map((box) => box.value);
    const readOnly = $(prefix + 'read-only').checked;
    if (features.length === 0 && !readOnly) {
      return { error: 'Tick Read only or at least one part of your account, or choose Full access.' };
    }
    return rate.error ? rate : { features, read_only: readOnly, whitelist_ips: ips, rate_limit_per_minute: rate.value };
  }

  /** Shows a refusal under the field it is about: addresses, features, or else the given fallback element. */
  function showAccessProblem(prefix, message, fallbackInput, fallbackError) {
    if (/rate_limit_per_minute|calls per minute|calls a minute/i.test(message)) {
      setError($(prefix + 'rate'), $(prefix + 'rate-error'), message);
      $(prefix + 'rate').focus();
    } else if (/address|IP|range|CIDR/i.test(message)) {
      setError($(prefix + 'ips'), $(prefix + 'ips-error'), message);
      $(prefix + 'ips').focus();
    } else if (/feature|read-only|read only|rights/i.test(message)) {
      setError($(prefix + 'access-full'), $(prefix + 'access-error'), message);
      $(prefix + 'limits').hidden = false;
      $(prefix + 'access-limited').focus();
    } else {
      setError(fallbackInput, fallbackError, message);
      fallbackInput.focus();
    }
  }

  /** Puts a copy of the access fields where the form has a place for them, with the form's prefix on every id. */
  function placeAccessFields(prefix) {
    const fields = $('access-fields').content.cloneNode(true);
    for (const element of fields.querySelectorAll('*')) {
      for (const attribute of ['id', 'for', 'name', 'aria-labelledby', 'aria-describedby']) {
        const value = element.getAttribute(attribute);
        if (value !== null) {
          element.setAttribute(attribute, value.replaceAll('PREFIX-', prefix));
        }
      }
    }
    document.querySelector('[data-access="' + prefix + '"]').replaceWith(fields);
  }

  function wireAccess(prefix) {
    placeAccessFields(prefix);
    for (const id of ['access-full', 'access-limited']) {
      $(prefix + id).addEventListener('change', () => {
        $(prefix + 'limits').hidden = !$(prefix + 'access-limited').checked;
        setError($(prefix + 'access-full'), $(prefix + 'access-error'), null);
      });
    }
    $(prefix + 'limits').addEventListener('change', () => setError($(prefix + 'access-full'), $(prefix + 'access-error'), null));
    $(prefix + 'ips').addEventListener('input', () => setError($(prefix + 'ips'), $(prefix + 'ips-error'), null));
    $(prefix + 'rate').addEventListener('input', () => setError($(prefix + 'rate'), $(prefix + 'rate-error'), null));
  }

  // --- Name rules, shared by create and rename ---------------------------------------------------

  function nameProblem(name) {
    if (name.length === 0) {
      return 'Enter a name for the token.';
    }
    if (name.length > MAX_NAME) {
      return 'The name is too long: ' + name.length + ' characters, at most ' + MAX_NAME + '.';
    }
    if (!NAME_RULE.test(name)) {
      const bad = Array.from(new Set(name.replace(/[A-Za-z0-9_-]/g, '').split(''))).join(' ');
      return 'The name may only contain letters, digits, hyphens (-) and underscores (_); remove: ' + bad;
    }
    return null;
  }

  function setError(input, element, message) {
    element.textContent = message || '';
    element.hidden = !message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  }

  // --- Create --------------------------------------------------------------------------------------

  function isoDate(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
  }

  function openCreate() {
    $('create-form').reset();
    const nextYear = new Date();
    nextYear.setFullYear(nextYear.getFullYear() + 1);
    $('expires-date').value = isoDate(nextYear);
    $('expires-date').min = isoDate(new Date());
    setError($('token-name'), $('token-name-error'), null);
    setError($('expires-date'), $('expires-error'), null);
    fillAccess('create-', null);
    show('view-create');
    $('token-name').focus();
  }

  /** The end of the chosen day, local time, as cPanel's page does; null: never. */
  function chosenExpiry() {
    if ($('expires-never').checked) {
      return { epoch: null };
    }
    const value = $('expires-date').value;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) {
      return { error: 'Choose an expiration date, or choose Never expires.' };
    }
    const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
    if (end.getTime() <= Date.now()) {
      return { error: 'The expiration date must be today or later.' };
    }
    return { epoch: Math.floor(end.getTime() / 1000) };
  }

  async function create(event) {
    event.preventDefault();
    const input = $('token-name');
    const name = input.value;
    const problem = nameProblem(name);
    setError(input, $('token-name-error'), problem);
    const expiry = chosenExpiry();
    setError($('expires-date'), $('expires-error'), expiry.error);
    if (problem) {
      input.focus();
      return;
    }
    if (expiry.error) {
      $('expires-date').focus();
      return;
    }
    const access = readAccess('create-', false);
    if (access.error) {
      showAccessProblem('create-', access.error, input, $('token-name-error'));
      return;
    }
    $('create-submit').disabled = true;
    try {
      const { status, json } = await api('POST', '/api/v1/tokens', { name, expires_at: expiry.epoch, ...access });
      if (status !== 201) {
        showAccessProblem('create-', (json && json.detail) || 'The token could not be created.', input, $('token-name-error'));
        return;
      }
      showToken(json, 'created', null);
    } finally {
      $('create-submit').disabled = false;
    }
  }

  /** The one-time view of a value, after a create or a rotation; previousUntil: when the old value stops (rotation). */
  function showToken(json, verb, previousUntil) {
    $('created-title').textContent = verb === 'rotated' ? 'Save your new API token' : 'Save your API token';
    $('created-verb').textContent = verb;
    const previous = $('created-previous');
    previous.hidden = verb !== 'rotated';
    previous.textContent = verb !== 'rotated' ? '' : previousUntil === null || previousUntil === undefined
      ? 'The old value no longer works.'
      : 'The old value keeps working until ' + formatTime(previousUntil) + ', then stops. Update your programs before then.';
    $('created-name').textContent = json.name;
    $('created-expiry').textContent = json.expires_at === null ? ' and never expires' : ' and expires ' + formatTime(json.expires_at);
    $('created-token').value = json.token;
    $('created-curl').textContent = curlLine(credentials.user, json.token);
    $('copy-status').textContent = '';
    $('copy-curl-status').textContent = '';
    $('create-another').checked = false;
    show('view-created');
  }

  /**
   * cPanel's own instruction, for this account on this server: the page's origin is the address the browser
   * reached, so it stays right behind a proxy. Names and tokens hold no quote or space ([A-Za-z0-9_-]).
   */
  function curlLine(user, token) {
    return "curl -H'Authorization: cpanel " + user + ':' + token + "' '" + location.origin + "/execute/Tokens/list'";
  }

  /** The token leaves the page: its field and the curl line that holds it. */
  function forgetCreatedToken() {
    $('created-token').value = '';
    $('created-curl').textContent = '';
  }

  /** Copies the field's value (a token) or the element's text (the curl line). */
  async function copy(element, status, what) {
    const text = 'value' in element ? element.value : element.textContent;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied to the clipboard.';
    } catch (e) {
      let copied = false;
      try {
        if ('select' in element) {
          element.focus();
          element.select();
        } else {
          window.getSelection().selectAllChildren(element);
        }
        copied = document.execCommand('copy');
      } catch (ignored) {
        copied = false;
      }
      status.textContent = copied ? 'Copied to the clipboard.' : 'Select the ' + what + ' and copy it yourself (Ctrl+C or Cmd+C).';
    }
  }

  async function savedToken() {
    forgetCreatedToken(); // the only copies in this page go now
    if ($('create-another').checked) {
      openCreate();
    } else {
      await reload();
      show('view-list');
    }
  }

  // --- Rename, inline --------------------------------------------------------------------------------

  function startRename(row, oldName) {
    const nameCell = row.querySelector('td[data-label="Name"]');
    const form = document.createElement('form');
    form.className = 'inline-rename';
    form.noValidate = true;
    const id = 'rename-' + Math.random().toString(36).slice(2);
    const label = document.createElement('label');
    label.htmlFor = id;
    label.className = 'visually-hidden';
    label.textContent = 'New name for ' + oldName;
    const input = document.createElement('input');
    input.id = id;
    input.value = oldName;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const error = document.createElement('p');
    error.className = 'error';
    error.id = id + '-error';
    error.hidden = true;
    error.setAttribute('role', 'alert');
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener('input', () => setError(input, error, nameProblem(input.value)));
    const cancel = button('Cancel', 'btn btn-small btn-ghost', () => renderList());
    form.append(label, input, button('Save', 'btn btn-small btn-primary', () => form.requestSubmit()), cancel, error);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        renderList();
      }
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const newName = input.value;
      const problem = nameProblem(newName) || (newName === oldName ? 'Enter a different name.' : null);
      setError(input, error, problem);
      if (problem) {
        input.focus();
        return;
      }
      const { status, json } = await api('PATCH', '/api/v1/tokens/' + encodeURIComponent(oldName), { new_name: newName });
      if (status !== 200) {
        setError(input, error, (json && json.detail) || 'The token could not be renamed.');
        input.focus();
        return;
      }
      await reload('Renamed “' + oldName + '” to “' + newName + '”.');
    });
    nameCell.replaceChildren(form);
    input.focus();
    input.select();
  }

  // --- Edit access ------------------------------------------------------------------------------------

  function openEdit(token) {
    editing = token.name;
    $('edit-name').textContent = token.name;
    setError($('edit-submit'), $('edit-error'), null);
    fillAccess('edit-', token);
    show('view-edit');
  }

  async function saveEdit(event) {
    event.preventDefault();
    const access = readAccess('edit-', true);
    if (access.error) {
      showAccessProblem('edit-', access.error, $('edit-submit'), $('edit-error'));
      return;
    }
    $('edit-submit').disabled = true;
    try {
      const { status, json } = await api('PATCH', '/api/v1/tokens/' + encodeURIComponent(editing), access);
      if (status !== 200) {
        showAccessProblem('edit-', (json && json.detail) || 'The token could not be changed.', $('edit-submit'), $('edit-error'));
        return;
      }
      const name = editing;
      editing = null;
      await reload('Changed the access of “' + name + '”.');
      show('view-list');
    } finally {
      $('edit-submit').disabled = false;
    }
  }

  // --- Activity: calls per day over 30 days, and recent calls -----------------------------------------

  const DAY = 86400;
  const CHART_DAYS = 30;
  const EVENTS_PAGE = 20; // recent calls per page ("Show more" gets the next)
  const COUNT_PAGES = 20; // at most this many pages of 500 day counts are read for the chart
  // how a call ended, in the order the bars stack and the text alternative lists them (limited: past the token's rate limit)
  const RESULTS = ['ok', 'refused', 'limited', 'failed'];
  const RESULT_LABELS = { ok: 'OK', refused: 'Refused', limited: 'Rate-limited', failed: 'Failed' };
  const RESULT_WORDS = { ok: 'OK', refused: 'refused', limited: 'rate-limited', failed: 'failed' };
  const FACE_LABELS = { uapi: 'UAPI', api2: 'cPanel API 2', whm1: 'WHM API 1', rest: 'REST API', whm_rest: 'WHM REST API', admin: 'Admin REST API' };
  const SVG = 'http://www.w3.org/2000/svg';
  let activity = null; // { name, cursor, generation }

  async function openActivity(name) {
    const generation = (activity ? activity.generation : 0) + 1;
    activity = { name, cursor: null, generation };
    $('activity-name').textContent = name;
    $('activity-error').hidden = true;
    $('activity-body').hidden = true;
    $('activity-status').textContent = 'Loading…';
    $('event-rows').replaceChildren();
    $('events-status').textContent = '';
    show('view-activity');
    try {
      // The events first: a 404 says the token is gone before anything is drawn.
      const first = await loadEvents(name, null);
      if (!current(generation)) {
        return;
      }
      if (first.error) {
        activityError(first.error);
        return;
      }
      const days = await loadDays(name);
      if (!current(generation)) {
        return;
      }
      if (days.error) {
        activityError(days.error);
        return;
      }
      renderChart(days);
      $('event-rows').replaceChildren();
      appendEvents(first.events);
      activity.cursor = first.next;
      $('events-more').hidden = first.next === null;
      $('events-empty').hidden = first.events.length !== 0;
      $('events').hidden = first.events.length === 0;
      $('activity-status').textContent = '';
      $('activity-body').hidden = false;
    } catch (e) {
      if (current(generation) && e.message !== 'unauthorized' && e.message !== 'blocked') {
        activityError('The server could not be reached. Try again.');
      }
    }
  }

  /** Whether the activity view still shows what this load was for (not left, not reopened for another token). */
  function current(generation) {
    return activity !== null && activity.generation === generation && !$('view-activity').hidden;
  }

  function activityError(message) {
    $('activity-status').textContent = '';
    $('activity-body').hidden = true;
    const error = $('activity-error');
    error.textContent = message;
    error.hidden = false;
  }

  /** A refusal of an activity request in plain words; a 404 means the token went while the page was open. */
  function activityProblem(name, status, json) {
    if (status === 404) {
      return 'The token “' + name + '” no longer exists: it was revoked or renamed. Go back to the list to see its tokens now.';
    }
    return (json && json.detail) || 'The activity could not be loaded (HTTP ' + status + '). Try again.';
  }

  /** One page of the token's recent calls: { events, next } or { error }. */
  async function loadEvents(name, cursor) {
    const query = new URLSearchParams({ limit: String(EVENTS_PAGE) });
    if (cursor !== null) {
      query.set('cursor', cursor);
    }
    const { status, json } = await api('GET', '/api/v1/tokens/' + encodeURIComponent(name) + '/activity?' + query);
    if (status !== 200 || !json || !Array.isArray(json.events)) {
      return { error: activityProblem(name, status, json) };
    }
    return { events: json.events, next: json.next_cursor || null };
  }

  /**
   * The token's calls per UTC day over the last 30 days (today's included), by result: the token's day counts
   * (GET /api/v1/activity?group=day&token=NAME), page after page, summed per day and result.
   * { days: [{ start, ok, refused, limited, failed }], partial } or { error }.
   */
  async function loadDays(name) {
    const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
    const from = today - (CHART_DAYS - 1) * DAY;
    const days = [];
    for (let i = 0; i < CHART_DAYS; i++) {
      days.push(noCalls({ start: from + i * DAY }));
    }
    let cursor = null;
    let pages = 0;
    do {
      const query = new URLSearchParams({ group: 'day', from: String(from), limit: '500', token: name });
      if (cursor !== null) {
        query.set('cursor', cursor);
      }
      const { status, json } = await api('GET', '/api/v1/activity?' + query);
      if (status !== 200 || !json || !Array.isArray(json.counts)) {
        return { error: activityProblem(name, status, json) };
      }
      for (const row of json.counts) {
        const day = days[Math.floor((row.time - from) / DAY)];
        if (day && RESULTS.includes(row.result)) {
          day[row.result] += row.count;
        }
      }
      cursor = json.next_cursor || null;
      pages++;
    } while (cursor !== null && pages < COUNT_PAGES);
    return { days, partial: cursor !== null };
  }

  function formatDay(epoch, style) {
    return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', ...style }).format(new Date(epoch * 1000));
  }

  function plural(n, one, many) {
    return formatNumber(n) + ' ' + (n === 1 ? one : many);
  }

  /** The object given, with 0 calls for each result. */
  function noCalls(counts) {
    RESULTS.forEach((r) => { counts[r] = 0; });
    return counts;
  }

  function dayTotal(day) {
    return RESULTS.reduce((sum, r) => sum + day[r], 0);
  }

  /** "25 OK, 2 refused, 3 failed": each result with calls (a result without any is left out). */
  function byResult(counts) {
    return RESULTS.filter((r) => counts[r] > 0).map((r) => formatNumber(counts[r]) + ' ' + RESULT_WORDS[r]).join(', ');
  }

  /** The bars (drawn with SVG, one stack per day: OK, refused, rate-limited, failed) and their text alternative, a table. */
  function renderChart({ days, partial }) {
    const totals = noCalls({});
    let max = 0;
    for (const day of days) {
      RESULTS.forEach((r) => { totals[r] += day[r]; });
      max = Math.max(max, dayTotal(day));
    }
    const all = dayTotal(totals);
    $('chart-summary').textContent = all === 0
      ? 'No calls in the last 30 days.'
      : (partial ? 'At least ' : '') + plural(all, 'call', 'calls') + ' in the last 30 days: ' + byResult(totals) + '.';

    const width = 900;
    const height = 160;
    const top = 4;
    const gap = 6;
    const bar = width / days.length;
    const svg = $('chart');
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + (height + 1));
    svg.replaceChildren();
    const axis = svgElement('line', { x1: 0, y1: height + 0.5, x2: width, y2: height + 0.5, class: 'chart-baseline' });
    svg.append(axis);
    if (max > 0) {
      svg.append(svgElement('line', { x1: 0, y1: top, x2: width, y2: top, class: 'chart-grid' }));
    }
    $('chart-max').textContent = max > 0 ? 'Most in a day: ' + plural(max, 'call', 'calls') : '';
    const rows = $('chart-rows');
    rows.replaceChildren();
    days.forEach((day, i) => {
      const total = dayTotal(day);
      const name = formatDay(day.start, { dateStyle: 'medium' });
      const group = svgElement('g', { class: 'chart-day' });
      const title = svgElement('title', {});
      title.textContent = name + ': ' + plural(total, 'call', 'calls')
        + (total ? ' (' + byResult(day) + ')' : '');
      group.append(title);
      // The whole column hovers (and shows its title), even on a day without calls.
      group.append(svgElement('rect', { x: i * bar, y: 0, width: bar, height: height, class: 'chart-hit' }));
      let y = height;
      for (const result of RESULTS) {
        if (day[result] > 0) {
          const h = Math.max(1, (day[result] / max) * (height - top));
          y -= h;
          group.append(svgElement('rect', { x: i * bar + gap / 2, y, width: bar - gap, height: h, class: 'bar bar-' + result }));
        }
      }
      svg.append(group);
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th);
      for (const n of [total, ...RESULTS.map((r) => day[r])]) {
        const td = document.createElement('td');
        td.textContent = formatNumber(n);
        tr.append(td);
      }
      rows.append(tr);
    });
    $('chart-first').textContent = formatDay(days[0].start, { month: 'short', day: 'numeric' });
    $('chart-last').textContent = formatDay(days[days.length - 1].start, { month: 'short', day: 'numeric' }) + ' (UTC)';
  }

  function svgElement(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) {
      element.setAttribute(key, String(value));
    }
    return element;
  }

  function faceLabel(face) {
    return FACE_LABELS[face] || face;
  }

  /** Module::function for cPanel's APIs; on our REST API the method and path; a name the server did not know, as such. */
  function functionLabel(event) {
    if (event.module === 'unknown' || event.function === 'unknown') {
      return 'An unknown function';
    }
    if (event.module === 'REST' || event.module === 'WHM') {
      return event.function;
    }
    return event.module + '::' + event.function;
  }

  function appendEvents(events) {
    const rows = $('event-rows');
    const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
    for (const event of events) {
      const tr = document.createElement('tr');
      tr.append(cell('Time', timeFormat.format(new Date(event.time * 1000))));
      tr.append(cell('Address', event.address || 'Unknown'));
      tr.append(cell('API', faceLabel(event.face)));
      const fn = document.createElement('code');
      fn.textContent = functionLabel(event);
      tr.append(cell('Function', fn));
      const result = document.createElement('span');
      result.className = 'badge badge-' + (RESULT_LABELS[event.result] ? event.result : 'failed');
      result.textContent = RESULT_LABELS[event.result] || event.result;
      tr.append(cell('Result', result));
      rows.append(tr);
    }
  }

  async function showMoreEvents() {
    if (activity === null || activity.cursor === null) {
      return;
    }
    const { name, cursor, generation } = activity;
    const more = $('events-more');
    more.disabled = true;
    $('events-status').textContent = 'Loading…';
    try {
      const page = await loadEvents(name, cursor);
      if (!current(generation)) {
        return;
      }
      if (page.error) {
        $('events-status').textContent = page.error;
        return;
      }
      const before = $('event-rows').rows.length;
      appendEvents(page.events);
      activity.cursor = page.next;
      more.hidden = page.next === null;
      const shown = $('event-rows').rows.length;
      $('events-status').textContent = page.next === null ? 'Showing all ' + plural(shown, 'call', 'calls') + ' kept for this token.'
        : 'Showing ' + plural(shown, 'call', 'calls') + '.';
      // Keyboard users carry on from the first new row, or stay on the list's end when nothing more is to come.
      const next = $('event-rows').rows[before];
      if (more.hidden && next) {
        next.tabIndex = -1;
        next.focus();
      }
    } catch (e) {
      if (current(generation) && e.message !== 'unauthorized' && e.message !== 'blocked') {
        $('events-status').textContent = 'The server could not be reached. Try again.';
      }
    } finally {
      more.disabled = false;
    }
  }

  async function closeActivity() {
    const name = activity ? activity.name : null;
    activity = null;
    await reload();
    show('view-list');
    const back = name && document.querySelector('#token-rows tr[data-name="' + CSS.escape(name) + '"] button');
    if (back) {
      back.focus();
    }
  }

  // --- Rotate -----------------------------------------------------------------------------------------

  function askRotate(name) {
    pendingRotate = name;
    $('rotate-text').textContent = 'Give the API token “' + name + '” a new value? Its name, access and expiry stay. The new value is shown once.';
    $('rotate-grace').value = '0';
    $('rotate-dialog').showModal();
    $('rotate-cancel').focus();
  }

  async function onRotateClosed() {
    const name = pendingRotate;
    pendingRotate = null;
    if ($('rotate-dialog').returnValue !== 'rotate' || name === null) {
      return;
    }
    const grace = parseInt($('rotate-grace').value, 10);
    const { status, json } = await api('POST', '/api/v1/tokens/' + encodeURIComponent(name) + '/rotate', { grace_seconds: grace });
    if (status !== 200) {
      await reload((json && json.detail) || 'The token could not be rotated.');
      return;
    }
    showToken(json, 'rotated', json.previous_valid_until);
  }

  // --- Revoke -----------------------------------------------------------------------------------------

  function askRevoke(name) {
    pendingRevoke = name;
    $('revoke-text').textContent = 'Revoke the API token “' + name + '”? Programs that use it stop working at once. This cannot be undone.';
    $('revoke-dialog').showModal();
    $('revoke-cancel').focus();
  }

  async function onRevokeClosed() {
    const name = pendingRevoke;
    pendingRevoke = null;
    if ($('revoke-dialog').returnValue !== 'revoke' || name === null) {
      return;
    }
    const { status, json } = await api('DELETE', '/api/v1/tokens/' + encodeURIComponent(name));
    await reload(status === 204 ? 'Revoked “' + name + '”.' : ((json && json.detail) || 'The token could not be revoked.'));
    $('open-create').focus();
  }

  // --- Wiring --------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    $('open-create').addEventListener('click', openCreate);
    $('create-cancel').addEventListener('click', () => show('view-list'));
    $('create-form').addEventListener('submit', create);
    $('token-name').addEventListener('input', (e) => setError(e.target, $('token-name-error'), nameProblem(e.target.value)));
    $('expires-date').addEventListener('focus', () => { $('expires-on').checked = true; });
    $('copy-token').addEventListener('click', () => copy($('created-token'), $('copy-status'), 'token'));
    $('copy-curl').addEventListener('click', () => copy($('created-curl'), $('copy-curl-status'), 'command'));
    $('saved-token').addEventListener('click', savedToken);
    $('revoke-dialog').addEventListener('close', onRevokeClosed);
    $('rotate-dialog').addEventListener('close', onRotateClosed);
    $('edit-form').addEventListener('submit', saveEdit);
    $('edit-cancel').addEventListener('click', () => show('view-list'));
    $('activity-back').addEventListener('click', closeActivity);
    $('events-more').addEventListener('click', showMoreEvents);
    wireAccess('create-');
    wireAccess('edit-');
    for (const b of document.querySelectorAll('button.sort')) {
      b.addEventListener('click', () => sortBy(b.dataset.sort));
    }
    show('view-login');
    $('login-user').focus();
  });
})();
