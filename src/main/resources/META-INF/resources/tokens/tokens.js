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

  const $ = (id) => document.getElementById(id);
  const views = ['view-login', 'view-list', 'view-create', 'view-edit', 'view-created'];

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
    $('token-rows').replaceChildren();
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
    setError($(prefix + 'access-full'), $(prefix + 'access-error'), null);
    setError($(prefix + 'ips'), $(prefix + 'ips-error'), null);
  }

  /**
   * The access part of a create or edit request: { features, read_only, whitelist_ips }, or { error, field }.
   * Full access is no features and not read only; the server checks each address.
   */
  function readAccess(prefix) {
    const ips = $(prefix + 'ips').value.split(/[\s,]+/).map((line) => line.trim()).filter((line) => line.length > 0);
    if (ips.length > MAX_IPS) {
      return { error: 'At most ' + MAX_IPS + ' addresses or ranges; this list has ' + ips.length + '.', field: 'ips' };
    }
    if ($(prefix + 'access-full').checked) {
      return { features: [], read_only: false, whitelist_ips: ips };
    }
    const features = Array.from($(prefix + 'feature-choices').querySelectorAll('input:checked')).map((box) => box.value);
    const readOnly = $(prefix + 'read-only').checked;
    if (features.length === 0 && !readOnly) {
      return { error: 'Tick Read only or at least one part of your account, or choose Full access.', field: 'access' };
    }
    return { features, read_only: readOnly, whitelist_ips: ips };
  }

  /** Shows a refusal under the field it is about: addresses, features, or else the given fallback element. */
  function showAccessProblem(prefix, message, fallbackInput, fallbackError) {
    if (/address|IP|range|CIDR/i.test(message)) {
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
    const access = readAccess('create-');
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
    const access = readAccess('edit-');
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
    wireAccess('create-');
    wireAccess('edit-');
    for (const b of document.querySelectorAll('button.sort')) {
      b.addEventListener('click', () => sortBy(b.dataset.sort));
    }
    show('view-login');
    $('login-user').focus();
  });
})();
