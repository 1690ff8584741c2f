// The vanilla-JS baseline of `cargo xtask bench`: hand-written DOM code that renders the
// same screens as the app, with the same markup and CSS, from the same data, and puts the
// same `performance.mark("console-ready")` when the screen is in the DOM.
//
// - /bench-baseline/ is the first Console screen, the sign-in page listing the Console users.
//   Like the app it opens its store (IndexedDB), finds it empty, saves the demo (carried in
//   the page, as the app carries it compiled in) as the first snapshot, then renders.
// - /bench-baseline/accounts/:sid/flex/users is the Flex users page. Like the app it reads
//   the Console the app saved in IndexedDB (database `flex-console`), then renders the shell
//   and the first page of 25 workers; the search filters all workers on every keystroke.

/** A count as the app writes it: "15,000". */
const n = (x) => x.toLocaleString("en-US");

const ROLE_ORDER = ["owner", "administrator", "developer", "billing_manager", "support"];
const ROLE_LABEL = {
  owner: "Owner",
  administrator: "Administrator",
  developer: "Developer",
  billing_manager: "Billing Manager",
  support: "Support",
};
const PAGE_SIZES = [25, 50, 100];
const FLEX_ROLES = ["admin", "supervisor", "agent", "flex.readonlyadmin"];

/** Creates an element: h("p", { class: "x", onclick: f }, "text", child). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props)
    for (const [k, v] of Object.entries(props)) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "value") el.value = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  // A select's value names one of its options, so it is set once they are in.
  if (tag === "select" && props?.value != null) el.value = props.value;
  return el;
}

// ---------------------------------------------------------------- storage

function request(req) {
  return new Promise((ok, fail) => {
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
}

function openDb(name) {
  // The app's database, version 2 (with the restore points' stores), as src/store/db.rs opens it.
  const req = indexedDB.open(name, 2);
  req.onupgradeneeded = () => {
    for (const store of ["snapshot", "log", "unreadable", "restore_points", "restore_states"])
      if (!req.result.objectStoreNames.contains(store))
        req.result.createObjectStore(store, { autoIncrement: store === "unreadable" || store === "restore_points" });
  };
  return request(req);
}

/** The stored Console (parsed), or null when nothing is stored. */
async function readStored(db) {
  const tx = db.transaction(["snapshot", "log"], "readonly");
  const snapshot = tx.objectStore("snapshot");
  const [meta, console, log] = await Promise.all([
    request(snapshot.get("meta")),
    request(snapshot.get("console")),
    request(tx.objectStore("log").getAll()),
  ]);
  if (meta == null || console == null) return null;
  if (log.length) throw new Error("the baseline does not replay log entries");
  JSON.parse(meta);
  return JSON.parse(console);
}

/** Saves a Console as the first snapshot, as the app does on a fresh start. */
function saveSnapshot(db, now, console) {
  const tx = db.transaction(["snapshot", "log"], "readwrite");
  const snapshot = tx.objectStore("snapshot");
  snapshot.put(JSON.stringify({ schema: 1, revision: 0, now, wall: Date.now() }), "meta");
  snapshot.put(JSON.stringify(console), "console");
  tx.objectStore("log").clear();
  return new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
}

// ---------------------------------------------------------------- shell

const base = "/bench-baseline";

function navLink(to, text, here) {
  return h("li", null, h("a", { href: base + to, "aria-current": here === to ? "page" : null }, text));
}

function shell(c, user, account, here, page) {
  const signedIn = user != null;
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  const accountLinks = account
    ? [
        h("li", { class: "nav-heading" }, "Account"),
        ...[
          ["", "Account Info"],
          ["/flex", "Flex overview"],
          ["/flex/users", "Flex users"],
          ["/users", "Manage users"],
          ["/billing", "Billing"],
        ].map(([p, t]) => navLink(`/accounts/${account.sid}${p}`, t, here)),
      ]
    : [];
  const topbarSlot = h("div", { class: "topbar-slot" });
  const actions = h(
    "div",
    { class: "topbar-actions" },
    h("button", { type: "button", class: "icon-button", "aria-pressed": String(dark) }, dark ? "Light theme" : "Dark theme"),
  );
  if (signedIn) {
    topbarSlot.append(
      h(
        "div",
        { class: "switcher" },
        h(
          "button",
          { type: "button", class: "switcher-button", "aria-haspopup": "listbox", "aria-expanded": "false" },
          h("span", { class: "switcher-label" }, "Account"),
          h("span", { class: "switcher-current" }, account ? account.friendly_name : "Choose an account"),
        ),
      ),
    );
    actions.append(
      h(
        "div",
        { class: "user-menu" },
        h(
          "button",
          { type: "button", class: "user-button", "aria-haspopup": "true", "aria-expanded": "false" },
          h("span", { class: "visually-hidden" }, "Signed in as "),
          h("span", { "data-testid": "signed-in-user" }, user.full_name),
        ),
      ),
    );
  }
  return [
    h("a", { class: "skip-link", href: "#main" }, "Skip to content"),
    h(
      "div",
      { class: "shell" },
      h(
        "header",
        { class: "topbar" },
        h("a", { class: "brand", href: base + "/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "F"), h("span", null, "Flex Console")),
        topbarSlot,
        actions,
      ),
      h(
        "nav",
        { class: "sidenav", "aria-label": "Console" },
        h(
          "ul",
          null,
          navLink("/", signedIn ? "Switch user" : "Sign in", here),
          signedIn && navLink("/accounts", "All accounts", here),
          accountLinks,
          navLink("/sso", "Flex SSO login", here),
          navLink("/data", "Data", here),
        ),
      ),
      h(
        "main",
        { id: "main", class: "content", tabindex: "-1" },
        h("div", { class: "store-banners" }, h("div", { role: "status", "aria-live": "polite" })),
        page,
      ),
      h(
        "div",
        { class: "toasts" },
        h("div", { role: "status", "aria-live": "polite", "data-testid": "toast-success" }),
        h("div", { role: "alert", "aria-live": "assertive", "data-testid": "toast-error" }),
      ),
    ),
  ];
}

// ---------------------------------------------------------------- sign in

function roleText(roles) {
  return [...roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)).map((r) => ROLE_LABEL[r]).join(" + ");
}

function signInPage(c) {
  // Memberships by user, in account SID order (as the app's index keeps them).
  const memberships = new Map();
  for (const sid of Object.keys(c.accounts).sort()) {
    const account = c.accounts[sid];
    for (const [user, member] of Object.entries(account.members)) {
      if (!memberships.has(user)) memberships.set(user, []);
      memberships.get(user).push(`${account.friendly_name}: ${roleText(member.roles)}`);
    }
  }
  const users = Object.keys(c.users)
    .sort()
    .map((sid) => c.users[sid]);
  const list = h("ul", { class: "user-cards" });
  const count = h("p", { class: "muted", "aria-live": "polite" });
  const show = (needle) => {
    const found = users.filter((u) => !needle || u.full_name.toLowerCase().includes(needle) || u.email.includes(needle));
    const shown = found.slice(0, 50);
    count.textContent = shown.length < found.length ? `Showing ${shown.length} of ${found.length} users; search to narrow down.` : `${found.length} users`;
    list.replaceChildren(
      ...shown.map((u) => {
        const m = memberships.get(u.sid);
        return h(
          "li",
          null,
          h(
            "button",
            { type: "button", class: "user-card", onclick: () => sessionStorage.setItem("flex-console.signed-in", u.sid) },
            h("span", { class: "user-card-name" }, u.full_name),
            h("span", { class: "user-card-email" }, u.email),
            h("span", { class: "user-card-roles" }, m ? m.join(" · ") : "No accounts yet"),
          ),
        );
      }),
    );
  };
  show("");
  return h(
    "section",
    { class: "page", "aria-labelledby": "sign-in-title" },
    h("h1", { id: "sign-in-title" }, "Sign in to the Console"),
    h("h2", null, "Pick a Console user"),
    h("label", { class: "field-label", for: "user-search" }, "Search users"),
    h("input", {
      id: "user-search",
      class: "input",
      type: "search",
      placeholder: "Name or email",
      oninput: (e) => show(e.target.value.trim().toLowerCase()),
    }),
    count,
    list,
    h("h2", null, "Or sign in with an email"),
    h(
      "form",
      { class: "inline-form", novalidate: true, onsubmit: (e) => e.preventDefault() },
      h(
        "div",
        null,
        h("label", { class: "field-label", for: "sign-in-email" }, "Email"),
        h("input", {
          id: "sign-in-email",
          class: "input",
          type: "email",
          autocomplete: "email",
          "aria-invalid": "false",
          "aria-describedby": "sign-in-email-error",
        }),
        h("p", { id: "sign-in-email-error", class: "field-error", role: "alert" }),
      ),
      h("button", { type: "submit", class: "button" }, "Continue"),
    ),
  );
}

// ---------------------------------------------------------------- Flex users

function contactUri(identity) {
  let uri = "client:";
  for (const byte of new TextEncoder().encode(identity)) {
    const ch = String.fromCharCode(byte);
    uri += /[A-Za-z0-9]/.test(ch) ? ch : "_" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return uri;
}

function attributes(w) {
  const value = {
    full_name: w.full_name,
    email: w.identity,
    roles: [...w.flex_roles, ...w.insights_roles],
    contact_uri: contactUri(w.identity),
    image_url: w.image_url,
    routing: w.routing,
    disabled_skills: w.disabled_skills,
  };
  return JSON.stringify(value, null, 2);
}

/** Why Insights roles cannot be given to this worker now, or null. */
function insightsReason(flex, w) {
  if (flex.plan.plan !== "paid")
    return "Flex Insights roles need a paid Flex plan; upgrading needs the Owner, Administrator or Billing Manager role.";
  if (!w.flex_roles.some((r) => r === "admin" || r === "supervisor"))
    return "Insights roles can only be given to workers with the admin or supervisor Flex role.";
  return null;
}

function roleList(roles) {
  return roles.length ? roles.join(", ") : "None";
}

function workerBody(flex, w, activityName) {
  const reason = insightsReason(flex, w);
  const attributesId = `attributes-${w.sid}`;
  const reasonId = `insights-reason-${w.sid}`;
  const attributesRow = h(
    "tr",
    { class: "worker-attributes-row", id: attributesId, hidden: true },
    h(
      "td",
      { colspan: "7" },
      h("p", { class: "field-label" }, "Attributes (JSON)"),
      h("pre", { class: "worker-attributes", tabindex: "0", "data-testid": "worker-attributes" }, attributes(w)),
    ),
  );
  const toggle = h(
    "button",
    {
      type: "button",
      class: "button button-small",
      "aria-label": `Attributes of ${w.full_name}`,
      "aria-expanded": "false",
      "aria-controls": attributesId,
      onclick: () => {
        const open = attributesRow.hidden;
        attributesRow.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Hide attributes" : "Attributes";
      },
    },
    "Attributes",
  );
  return h(
    "tbody",
    { class: "worker" },
    h(
      "tr",
      null,
      h("th", { scope: "row", class: "worker-name" }, w.full_name),
      h("td", { class: "worker-email", "data-label": "Email" }, w.identity),
      h("td", { "data-testid": "flex-roles", "data-label": "Flex roles" }, roleList(w.flex_roles)),
      h("td", { "data-testid": "insights-roles", "data-label": "Insights roles" }, roleList(w.insights_roles)),
      h("td", { "data-label": "Activity" }, activityName),
      h(
        "td",
        { class: "worker-sid", "data-label": "Worker SID" },
        h("code", { class: "sid" }, w.sid),
        h(
          "button",
          { type: "button", class: "button button-small", "aria-label": `Copy worker SID of ${w.full_name}`, onclick: () => navigator.clipboard?.writeText(w.sid) },
          "Copy",
        ),
      ),
      h(
        "td",
        { class: "row-actions" },
        toggle,
        h(
          "button",
          {
            type: "button",
            class: "button button-small",
            "aria-label": `Insights roles of ${w.full_name}`,
            disabled: reason != null,
            title: reason,
            "aria-describedby": reason != null ? reasonId : null,
          },
          "Insights roles",
        ),
        h("button", { type: "button", class: "button button-small button-danger", "aria-label": `Delete worker ${w.full_name}` }, "Delete"),
        reason != null && h("span", { id: reasonId, class: "visually-hidden", "data-testid": "insights-reason" }, reason),
      ),
    ),
    attributesRow,
  );
}

const INSIGHTS_ROLES = [
  ["wfo.full_access", "everything in Insights"],
  ["wfo.team_leader", "reports and conversations of their team"],
  ["wfo.data_analyst", "builds reports and dashboards"],
  ["wfo.data_auditor", "reviews conversation data"],
  ["wfo.quality_manager", "runs quality assessments"],
  ["wfo.quality_process_manager", "designs assessment questionnaires"],
  ["wfo.dashboard_viewer", "views shared dashboards"],
];

/** The Insights roles dialog, closed, as the app keeps it in the page. */
function insightsDialog() {
  return h(
    "dialog",
    { class: "dialog", "aria-labelledby": "dialog-insights-roles" },
    h("h2", { id: "dialog-insights-roles" }, "Insights roles"),
    h(
      "form",
      { class: "dialog-form", novalidate: true, onsubmit: (e) => e.preventDefault() },
      h("p", null, "Flex Insights roles of ", h("strong"), "."),
      h(
        "fieldset",
        { class: "role-picker insights-picker" },
        h("legend", null, "Insights roles"),
        ...INSIGHTS_ROLES.map(([role, what]) =>
          h("label", { class: "check" }, h("input", { type: "checkbox", value: role }), h("code", null, role), h("span", { class: "muted" }, " — ", what)),
        ),
      ),
      h("p", { class: "muted" }, "These roles last until the worker's next login, which sets roles afresh."),
      h(
        "div",
        { class: "actions" },
        h("button", { class: "button", type: "button" }, "Cancel"),
        h("button", { class: "button button-primary", type: "submit" }, "Save Insights roles"),
      ),
    ),
  );
}

/** The delete-worker dialog, closed. */
function deleteDialog(account) {
  return h(
    "dialog",
    { class: "dialog", "aria-labelledby": "dialog-delete-worker" },
    h("h2", { id: "dialog-delete-worker" }, "Delete worker"),
    h("p", null, "Delete the worker of ", h("strong"), " (", ")?"),
    h(
      "p",
      { class: "notice", "data-testid": "delete-returns-note" },
      "The worker comes back at this person's next login to Flex, unless their access is removed too: ",
      "remove the member on ",
      h("a", { href: `${base}/accounts/${account.sid}/users` }, "Manage users"),
      ", or, for a person who signs in through SSO, in the identity provider.",
    ),
    h(
      "div",
      { class: "actions" },
      h("button", { class: "button", type: "button" }, "Cancel"),
      h("button", { class: "button button-danger", type: "button" }, "Delete worker"),
    ),
  );
}

function flexUsersPage(account) {
  const flex = account.flex;
  const workspace = flex.workspace;
  const activities = new Map(workspace.activities.map((a) => [a.sid, a.friendly_name]));
  const all = Object.values(workspace.workers);
  const index = all.map((w) => `${w.full_name}\n${w.identity}\n${w.sid}`.toLowerCase());
  const params = new URLSearchParams(location.search);
  const state = {
    search: params.get("q") ?? "",
    role: params.get("role") || null,
    activity: params.get("activity") || null,
    page: Math.max(1, Number(params.get("page")) || 1),
    size: PAGE_SIZES.includes(Number(params.get("size"))) ? Number(params.get("size")) : PAGE_SIZES[0],
  };
  const count = h("p", { class: "table-summary", "aria-live": "polite", "data-testid": "worker-count" });
  const table = h(
    "table",
    { class: "table workers-table" },
    h("caption", { class: "visually-hidden" }, "Flex users: the workers of the Flex Task Assignment workspace"),
    h(
      "thead",
      null,
      h("tr", null, ...["Name", "Email", "Flex roles", "Insights roles", "Activity", "Worker SID", "Actions"].map((t) => h("th", { scope: "col" }, t))),
    ),
  );
  const status = h("span", { "data-testid": "page-status" });
  const previous = h("button", { type: "button", class: "button button-small", onclick: () => go(state.page - 1) }, "Previous page");
  const next = h("button", { type: "button", class: "button button-small", onclick: () => go(state.page + 1) }, "Next page");
  let bodies = [];

  const render = () => {
    const needle = state.search.trim().toLowerCase();
    const matching = [];
    for (let i = 0; i < all.length; i++) {
      const w = all[i];
      if (state.role && !w.flex_roles.includes(state.role)) continue;
      if (state.activity && activities.get(w.activity) !== state.activity) continue;
      if (needle && !index[i].includes(needle)) continue;
      matching.push(i);
    }
    const total = matching.length;
    const pages = Math.max(1, Math.ceil(total / state.size));
    const page = Math.min(state.page, pages);
    const start = (page - 1) * state.size;
    count.textContent =
      total === 0
        ? "No workers match."
        : `Showing ${n(start + 1)}–${n(Math.min(start + state.size, total))} of ${n(total)} worker${total === 1 ? "" : "s"} (${n(all.length)} in the workspace)`;
    for (const b of bodies) b.remove();
    bodies = matching.slice(start, start + state.size).map((i) => workerBody(flex, all[i], activities.get(all[i].activity) ?? "Unknown"));
    table.append(...bodies);
    status.textContent = `Page ${n(page)} of ${n(pages)}`;
    previous.disabled = page <= 1;
    next.disabled = page >= pages;
  };
  const remember = () => {
    const q = new URLSearchParams();
    if (state.search) q.set("q", state.search);
    if (state.role) q.set("role", state.role);
    if (state.activity) q.set("activity", state.activity);
    if (state.page > 1) q.set("page", state.page);
    if (state.size !== PAGE_SIZES[0]) q.set("size", state.size);
    const query = q.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  };
  const change = (f) => {
    f();
    remember();
    render();
  };
  const go = (to) => change(() => (state.page = to));

  const select = (id, label, options, value, onchange) =>
    h(
      "div",
      { class: "form-field" },
      h("label", { class: "field-label", for: id }, label),
      h("select", { class: "input", id, onchange, value }, ...options.map(([v, t]) => h("option", { value: v }, t))),
    );
  const page = h(
    "section",
    { class: "page page-wide flex-users-page", "aria-labelledby": "flex-users-title" },
    h(
      "header",
      { class: "page-header" },
      h("div", null, h("h1", { id: "flex-users-title" }, "Flex users"), h("p", { class: "lead" }, account.friendly_name, ` · TaskRouter workspace “${workspace.friendly_name}”`)),
    ),
    h(
      "div",
      { class: "notice flex-users-note", "data-testid": "roles-note" },
      h(
        "p",
        null,
        h("strong", null, "Roles are overwritten at every login. "),
        "Each time a person logs in to Flex, from the Console or through SSO, their worker's Flex and " +
          "Insights roles are set again from their Console roles or from the identity provider's assertion. " +
          "Roles changed on this page last only until that person's next login.",
      ),
    ),
    h(
      "div",
      { class: "inline-form", role: "search", "aria-label": "Flex users" },
      h(
        "div",
        { class: "form-field" },
        h("label", { class: "field-label", for: "worker-search" }, "Search"),
        h("input", {
          class: "input",
          id: "worker-search",
          type: "search",
          placeholder: "Name, email or worker SID",
          value: state.search,
          oninput: (e) =>
            change(() => {
              state.search = e.target.value;
              state.page = 1;
            }),
        }),
      ),
      select("worker-role", "Flex role", [["", "All Flex roles"], ...FLEX_ROLES.map((r) => [r, r])], state.role ?? "", (e) =>
        change(() => {
          state.role = e.target.value || null;
          state.page = 1;
        }),
      ),
      select("worker-activity", "Activity", [["", "All activities"], ...workspace.activities.map((a) => [a.friendly_name, a.friendly_name])], state.activity ?? "", (e) =>
        change(() => {
          state.activity = e.target.value || null;
          state.page = 1;
        }),
      ),
    ),
    count,
    h("div", { class: "table-wrap" }, table),
    h(
      "nav",
      { class: "pagination", "aria-label": "Pages of Flex users" },
      h(
        "div",
        { class: "form-field form-field-inline" },
        h("label", { class: "field-label", for: "worker-page-size" }, "Rows per page"),
        h(
          "select",
          {
            class: "input",
            id: "worker-page-size",
            value: String(state.size),
            onchange: (e) =>
              change(() => {
                state.size = Number(e.target.value);
                state.page = 1;
              }),
          },
          ...PAGE_SIZES.map((s) => h("option", { value: s }, s)),
        ),
      ),
      previous,
      status,
      next,
    ),
    insightsDialog(),
    deleteDialog(account),
  );
  render();
  return page;
}

// ---------------------------------------------------------------- start

async function start() {
  const path = location.pathname.slice(base.length) || "/";
  const users = path.match(/^\/accounts\/(AC[0-9a-fA-F]{32})\/flex\/users$/);
  if (users) {
    const c = await readStored(await openDb("flex-console"));
    if (!c) throw new Error("the app's store is empty: load the scale scenario first");
    const account = c.accounts[users[1]];
    const user = c.users[sessionStorage.getItem("flex-console.signed-in")] ?? null;
    document.body.append(...shell(c, user, account, path, flexUsersPage(account)));
  } else {
    const db = await openDb("flex-console-baseline");
    let c = await readStored(db);
    if (!c) {
      const demo = JSON.parse(document.getElementById("demo").textContent);
      c = demo.console;
      await saveSnapshot(db, demo.now, c);
    }
    document.body.append(...shell(c, null, null, path, signInPage(c)));
  }
  performance.mark("console-ready");
}

start();
