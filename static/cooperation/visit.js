// The visit page (admin/cooperation/delegation/…/visit/): rows added in place, a typed name's language and
// script guessed from its letters, an official's posts as the only positions offered, and signatory choices
// that name the members and hosts typed above. The server checks all of it again on save.
'use strict';
{
  const $ = window.django && django.jQuery;
  const form = document.querySelector('.visit-page form');
  const SCRIPTS = [[/\p{Script=Arabic}/u, 'ar', 'Arab'], [/\p{Script=Cyrillic}/u, 'ru', 'Cyrl'], [/\p{Script=Latin}/u, 'en', 'Latn']];

  function field(row, name) {
    return row.querySelector(`[name$="-${name}"]`);
  }

  function guessNameForm(input) {
    const row = input.closest('tr');
    const letters = [...input.value].filter((ch) => /\p{L}/u.test(ch));
    let best = null;
    let most = 0;
    for (const [pattern, language, script] of SCRIPTS) {
      const count = letters.filter((ch) => pattern.test(ch)).length;
      if (count > most) { best = [language, script]; most = count; }
    }
    for (const [name, value] of [['language', best ? best[0] : ''], ['script', best ? best[1] : '']]) {
      const target = field(row, name);
      // What the officer typed there is theirs to keep.
      if (target && !target.dataset.edited) { target.value = value; }
    }
  }

  function rowLabel(row) {
    const official = field(row, 'official');
    const chosen = official && official.selectedOptions[0];
    if (chosen && chosen.value) { return chosen.textContent.trim(); }
    const name = field(row, 'name');
    return name ? name.value.trim() : '';
  }

  function relabelSignatories() {
    for (const select of form.querySelectorAll('select[data-rows]')) {
      const rows = form.querySelectorAll(`tbody[data-rows="${select.dataset.rows}"] tr.form-row`);
      const current = select.value;
      const options = [new Option('---------', '')];
      rows.forEach((row) => {
        const label = rowLabel(row);
        if (label || row.dataset.row === current) { options.push(new Option(label || '?', row.dataset.row)); }
      });
      select.replaceChildren(...options);
      select.value = current;
    }
  }

  async function offerPositions(official) {
    const row = official.closest('tr');
    const position = field(row, 'position');
    if (!position) { return; }
    const kept = position.value;
    const options = [new Option('---------', '')];
    if (official.value) {
      const url = `${form.dataset.positionsUrl}?official=${encodeURIComponent(official.value)}`;
      const response = await fetch(url, {credentials: 'same-origin'});
      if (response.ok) {
        for (const post of (await response.json()).positions) { options.push(new Option(post.title, post.id)); }
      }
    }
    position.replaceChildren(...options);
    position.value = options.some((o) => o.value === kept) ? kept : '';
  }

  function addRow(prefix) {
    const total = form.querySelector(`[name="${prefix}-TOTAL_FORMS"]`);
    const index = Number(total.value);
    const template = document.getElementById(`${prefix}-empty`);
    const html = template.innerHTML.replaceAll('__prefix__', String(index));
    const body = form.querySelector(`tbody[data-rows="${prefix}"]`);
    body.insertAdjacentHTML('beforeend', html);
    total.value = String(index + 1);
    // The admin's autocomplete starts on rows announced this way (django/contrib/admin/…/autocomplete.js).
    body.lastElementChild.dispatchEvent(new CustomEvent('formset:added', {bubbles: true, detail: {formsetName: prefix}}));
    relabelSignatories();
  }

  if (form) {
    form.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-add]');
      if (button) { event.preventDefault(); addRow(button.dataset.add); }
    });
    form.addEventListener('input', (event) => {
      const input = event.target;
      if (input.matches('[name$="-language"], [name$="-script"]')) { input.dataset.edited = 'yes'; }
      if (input.matches('tbody[data-rows="members"] [name$="-name"], tbody[data-rows="hosts"] [name$="-name"]')) {
        guessNameForm(input);
        relabelSignatories();
      }
    });
    // Select2 reports a choice through jQuery's events only.
    const onOfficial = (event) => {
      if (event.target.matches('[name$="-official"]')) { offerPositions(event.target); relabelSignatories(); }
    };
    if ($) { $(form).on('change', 'select', onOfficial); } else { form.addEventListener('change', onOfficial); }
    relabelSignatories();
  }
}
