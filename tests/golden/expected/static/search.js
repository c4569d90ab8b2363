// dateline search page: queries the Pagefind bundle built with the site. No inline script, no innerHTML
// for anything that comes from the index: results are built with DOM nodes and textContent only.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const sortSelect = document.getElementById("search-sort");
const filtersBox = document.getElementById("search-filters");
const statusLine = document.getElementById("search-status");
const list = document.getElementById("search-results");
const FILTER_LABELS = { tag: "Tag", year: "Year", person: "Person", organization: "Organisation", place: "Place" };
const MAX_RESULTS = 30;

const pagefind = await import(form.dataset.bundle + "pagefind.js");
await pagefind.options({ excerptLength: 24 });
pagefind.init();

function option(value, label) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  return o;
}

const available = await pagefind.filters();
for (const [name, label] of Object.entries(FILTER_LABELS)) {
  const values = available[name];
  if (!values || Object.keys(values).length === 0) continue;
  const wrap = document.createElement("label");
  wrap.className = "filter";
  wrap.append(label + " ");
  const select = document.createElement("select");
  select.name = "filter-" + name;
  select.dataset.filter = name;
  select.append(option("", "any"));
  const keys = Object.keys(values).sort((a, b) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b)));
  for (const key of keys) select.append(option(key, `${key} (${values[key]})`));
  wrap.append(select);
  filtersBox.append(wrap);
}

// Pagefind excerpts mark hits with <mark>; keep only text and marks.
function excerptNodes(excerpt) {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html");
  const out = document.createElement("p");
  out.className = "summary";
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

let generation = 0;
async function run() {
  const mine = ++generation;
  const query = input.value.trim();
  const filters = {};
  for (const select of filtersBox.querySelectorAll("select")) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  const options = { filters };
  if (sortSelect.value) options.sort = { date: sortSelect.value };
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    statusLine.textContent = "";
    return;
  }
  const search = await pagefind.search(query || null, options);
  if (mine !== generation) return;
  const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (mine !== generation) return;
  statusLine.textContent = `${search.results.length} release${search.results.length === 1 ? "" : "s"} found`;
  const items = data.map((d) => {
    const li = document.createElement("li");
    li.className = "card";
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = d.meta.date || "";
    const h2 = document.createElement("h2");
    const a = document.createElement("a");
    a.href = d.url;
    a.textContent = d.meta.title || d.url;
    h2.append(a);
    li.append(meta, h2, excerptNodes(d.excerpt || ""));
    return li;
  });
  list.replaceChildren(...items);
}

const params = new URLSearchParams(location.search);
if (params.get("q")) input.value = params.get("q");
form.addEventListener("submit", (e) => { e.preventDefault(); run(); });
input.addEventListener("input", () => run());
sortSelect.addEventListener("change", () => run());
filtersBox.addEventListener("change", () => run());
if (input.value) run();
