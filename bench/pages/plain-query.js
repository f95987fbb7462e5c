// The Library's query in plain JavaScript, for the reference grid (plain-grid.js): what
// py/app/core/library_query.py does for search, model filter and date sort. Every term must
// match the normalised prompt, title and tags ("tag:x" the tags only); ties newest first,
// then by id. The search text of each job is normalised once, as the app's SearchIndex does.
"use strict";

window.plainQuery = (() => {
  const normalise = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

  function index(jobs) {
    return jobs.map((job) => ({
      job,
      text: normalise(`${job.prompt}\n${job.title}\n${job.tags.join(" ")}`),
      tags: job.tags.map(normalise),
    }));
  }

  function matches(entry, terms) {
    return terms.every((term) =>
      term.tagOnly ? entry.tags.some((tag) => tag.includes(term.word)) : entry.text.includes(term.word));
  }

  function terms(text) {
    return normalise(text).split(/\s+/).filter(Boolean).flatMap((word) => {
      if (!word.startsWith("tag:")) return [{ word, tagOnly: false }];
      return word.length > 4 ? [{ word: word.slice(4), tagOnly: true }] : [];
    });
  }

  function byDate(ascending) {
    return (a, b) => (ascending ? a.created_at - b.created_at : b.created_at - a.created_at)
      || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  /** The jobs of `entries` that `text` and `model` select, in `sort` order ("date_desc" / "date_asc"). */
  function run(entries, { text = "", model = "", sort = "date_desc" } = {}) {
    const wanted = terms(text);
    const found = [];
    for (const entry of entries) {
      if ((!model || entry.job.model === model) && (!wanted.length || matches(entry, wanted))) found.push(entry.job);
    }
    return found.sort(byDate(sort === "date_asc"));
  }

  return { index, run };
})();
