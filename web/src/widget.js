// Reframe chat widget. Plain JavaScript, no framework; `ReframeIO` (socket.io-client 4.x) and
// `REFRAME_CSS` are put in scope by build.mjs. Public API: window.ReframeChat.init(options).
//
// Promises to the person chatting:
// - what they type is never lost: it waits in an outbox (kept in localStorage) until the assistant
//   has answered, and is sent again after a reconnect if the server never got it;
// - a reload shows the same conversation: the session id is kept, the last messages are shown from
//   the local copy at once, then replaced by the server's own record (`session_history`);
// - bot text is only ever put in the page as text nodes, never as HTML;
// - when the server cannot be reached, a banner says so instead of silence.
"use strict";

var VERSION = "1.0.0";
var DEFAULTS = {
  serverUrl: "",            // where Rasa runs, e.g. "https://chat.example.org"; "" = this page's origin
  socketPath: "/socket.io/",
  title: "Reframe",
  subtitle: "Turn blame into words your partner can hear",
  container: null,          // element or CSS selector: show inline; otherwise a floating launcher
  startOpen: false,
  colors: {},
  storageKey: "reframe",
  metadata: {},
  intro: "Hi, I'm Reframe. Type what you want to say to your partner, blame and all, and I'll help you " +
    "say the same thing in a way they can hear. Or say \"let's practise\".",
  replyTimeoutMs: 30000,
  historyWaitMs: 1500,
  maxLength: 10000,
};
var COLOR_VARS = {
  primary: "--rf-primary", onPrimary: "--rf-on-primary", background: "--rf-bg", text: "--rf-text",
  bot: "--rf-bot", onBot: "--rf-on-bot", user: "--rf-user", onUser: "--rf-on-user",
};
var MAX_STORED = 200;
var URL_RE = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;
var instances = 0;

function merge(a, b) {
  var out = {};
  var k;
  for (k in a) if (Object.prototype.hasOwnProperty.call(a, k)) out[k] = a[k];
  for (k in b || {}) if (Object.prototype.hasOwnProperty.call(b, k) && b[k] !== undefined) out[k] = b[k];
  return out;
}

function el(tag, attrs, text) {
  var node = document.createElement(tag);
  for (var k in attrs || {}) {
    if (k === "className") node.className = attrs[k];
    else node.setAttribute(k, attrs[k]);
  }
  if (text != null) node.textContent = text;
  return node;
}

function newId() {
  if (window.crypto && window.crypto.getRandomValues) {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  return (Date.now().toString(16) + Math.random().toString(16).slice(2)).slice(0, 32);
}

// localStorage when the browser allows it (it may not, e.g. in some private modes), memory otherwise.
function makeStore(prefix) {
  var memory = {};
  var ls = null;
  try {
    ls = window.localStorage;
    ls.setItem(prefix + ":probe", "1");
    ls.removeItem(prefix + ":probe");
  } catch (e) {
    ls = null;
  }
  return {
    get: function (key, fallback) {
      try {
        var raw = ls ? ls.getItem(prefix + ":" + key) : memory[key];
        return raw == null ? fallback : JSON.parse(raw);
      } catch (e) {
        return fallback;
      }
    },
    set: function (key, value) {
      var raw = JSON.stringify(value);
      memory[key] = raw;
      try { if (ls) ls.setItem(prefix + ":" + key, raw); } catch (e) { /* full: memory keeps it */ }
    },
    remove: function (key) {
      delete memory[key];
      try { if (ls) ls.removeItem(prefix + ":" + key); } catch (e) { /* ignore */ }
    },
  };
}

// Text with line breaks and clickable http(s) links, built from text nodes only.
function renderText(node, text) {
  var lines = String(text == null ? "" : text).split("\n");
  lines.forEach(function (line, i) {
    if (i > 0) node.appendChild(document.createElement("br"));
    var last = 0;
    line.replace(URL_RE, function (url, _g, offset) {
      if (offset > last) node.appendChild(document.createTextNode(line.slice(last, offset)));
      var a = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
      node.appendChild(a);
      last = offset + url.length;
      return url;
    });
    if (last < line.length) node.appendChild(document.createTextNode(line.slice(last)));
  });
}

// A bot message from Rasa's socket.io channel: {text, quick_replies:[{title,payload}]}; REST-style
// `buttons` are accepted too, so the widget copes with either shape.
function normaliseBot(msg) {
  if (msg == null) return null;
  if (typeof msg === "string") return { sender: "bot", text: msg };
  var choices = msg.quick_replies || msg.buttons || [];
  var out = { sender: "bot", text: typeof msg.text === "string" ? msg.text : "" };
  var clean = [];
  for (var i = 0; i < choices.length; i++) {
    var c = choices[i] || {};
    if (typeof c.title === "string" && typeof c.payload === "string") clean.push({ title: c.title, payload: c.payload });
  }
  if (clean.length) out.choices = clean;
  if (!out.text && !clean.length) {
    if (msg.attachment || msg.image) out.text = "(The assistant sent an attachment this chat can't show.)";
    else return null;
  }
  return out;
}

function Chat(options) {
  this.opts = merge(DEFAULTS, options);
  this.opts.colors = merge({}, this.opts.colors);
  this.id = "rf" + (++instances);
  this.store = makeStore(this.opts.storageKey);
  this.sessionId = this.store.get("session", null) || newId();
  this.store.set("session", this.sessionId);
  this.messages = this.store.get("messages", []);
  this.outbox = this.store.get("outbox", []);
  this.online = false;
  this.historyTimer = null;
  this.typingTimer = null;
  this.replyTimer = null;
  this.everConnected = false;
  this._build();
  this._renderAll();
  this._connect();
}

Chat.prototype._build = function () {
  var o = this.opts;
  if (!document.getElementById("reframe-widget-css")) {
    var style = el("style", { id: "reframe-widget-css" });
    style.textContent = REFRAME_CSS;
    document.head.appendChild(style);
  }
  var inline = !!o.container;
  var host = inline ? (typeof o.container === "string" ? document.querySelector(o.container) : o.container) : null;
  if (inline && !host) throw new Error("ReframeChat: container not found: " + o.container);

  var root = el("div", { className: "rf-root " + (inline ? "rf-inline" : "rf-floating"), "data-state": "connecting" });
  for (var name in COLOR_VARS) if (o.colors[name]) root.style.setProperty(COLOR_VARS[name], String(o.colors[name]));
  this.root = root;

  var panelId = this.id + "-panel";
  var panel = el("section", { className: "rf-panel", id: panelId, "aria-label": o.title + " chat" });
  this.panel = panel;

  var header = el("header", { className: "rf-header" });
  var titles = el("div", { className: "rf-titles" });
  titles.appendChild(el("h2", { className: "rf-title" }, o.title));
  if (o.subtitle) titles.appendChild(el("p", { className: "rf-subtitle" }, o.subtitle));
  header.appendChild(titles);
  var restart = el("button", { type: "button", className: "rf-restart", title: "Start a new conversation" }, "New chat");
  restart.addEventListener("click", this.restart.bind(this));
  header.appendChild(restart);
  if (!inline) {
    var close = el("button", { type: "button", className: "rf-close", "aria-label": "Close chat" }, "\u00d7");
    close.addEventListener("click", this.close.bind(this));
    header.appendChild(close);
  }
  panel.appendChild(header);

  this.banner = el("div", { className: "rf-banner", role: "status", "aria-live": "polite" });
  panel.appendChild(this.banner);

  this.log = el("ol", { className: "rf-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Conversation with " + o.title, tabindex: "0" });
  panel.appendChild(this.log);

  this.typing = el("div", { className: "rf-typing", role: "status", "aria-live": "polite", hidden: "" });
  this.typing.appendChild(el("span", { className: "rf-dots", "aria-hidden": "true" }));
  this.typing.appendChild(el("span", { className: "rf-typing-text" }, o.title + " is typing\u2026"));
  panel.appendChild(this.typing);

  var form = el("form", { className: "rf-form" });
  var inputId = this.id + "-input";
  form.appendChild(el("label", { className: "rf-sr", for: inputId }, "Message to " + o.title));
  var input = el("textarea", { id: inputId, className: "rf-input", rows: "1", maxlength: String(o.maxLength),
    placeholder: "Type a message\u2026", autocomplete: "off", enterkeyhint: "send" });
  var send = el("button", { type: "submit", className: "rf-send" }, "Send");
  form.appendChild(input);
  form.appendChild(send);
  this.input = input;
  var self = this;
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    self._submitInput();
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      self._submitInput();
    }
  });
  panel.appendChild(form);

  if (inline) {
    root.appendChild(panel);
    host.appendChild(root);
  } else {
    var launcher = el("button", { type: "button", className: "rf-launcher", "aria-controls": panelId, "aria-expanded": "false" },
      "Chat with " + o.title);
    launcher.addEventListener("click", function () { if (self.isOpen()) self.close(); else self.open(); });
    this.launcher = launcher;
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);
    panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") self.close(); });
    if (o.startOpen || this.store.get("open", false)) this.open(false);
    else panel.hidden = true;
  }
};

Chat.prototype.isOpen = function () { return !this.panel.hidden; };

Chat.prototype.open = function (focus) {
  this.panel.hidden = false;
  if (this.launcher) this.launcher.setAttribute("aria-expanded", "true");
  this.store.set("open", true);
  this._scroll();
  if (focus !== false) this.input.focus();
};

Chat.prototype.close = function () {
  if (!this.launcher) return;
  this.panel.hidden = true;
  this.launcher.setAttribute("aria-expanded", "false");
  this.store.set("open", false);
  this.launcher.focus();
};

// ---- rendering -------------------------------------------------------------------------------

Chat.prototype._renderAll = function () {
  this.log.textContent = "";
  if (!this.messages.length && !this.outbox.length && this.opts.intro) {
    var intro = el("li", { className: "rf-msg rf-bot rf-intro" });
    renderText(intro, this.opts.intro);
    this.log.appendChild(intro);
  }
  var lastChoices = -1;
  for (var i = 0; i < this.messages.length; i++) if (this.messages[i].choices) lastChoices = i;
  for (var j = 0; j < this.messages.length; j++) this._renderMessage(this.messages[j], j === lastChoices);
  for (var k = 0; k < this.outbox.length; k++) this._renderMessage(this.outbox[k], false);
  this._scroll();
};

Chat.prototype._renderMessage = function (msg, choicesActive) {
  var li = el("li", { className: "rf-msg " + (msg.sender === "user" ? "rf-user" : "rf-bot") });
  var who = el("span", { className: "rf-sr" }, msg.sender === "user" ? "You said: " : this.opts.title + " said: ");
  li.appendChild(who);
  var body = el("span", { className: "rf-text" });
  renderText(body, msg.text);
  li.appendChild(body);
  if (msg.outboxId) {
    li.setAttribute("data-outbox", msg.outboxId);
    li.classList.add("rf-pending");
    li.appendChild(el("span", { className: "rf-pending-note" }, this.online ? "Sending\u2026" : "Waiting to send"));
  }
  if (msg.choices && msg.choices.length) li.appendChild(this._renderChoices(msg.choices, choicesActive));
  this.log.appendChild(li);
  return li;
};

Chat.prototype._renderChoices = function (choices, active) {
  var self = this;
  var group = el("div", { className: "rf-choices", role: "group", "aria-label": "Choices" });
  choices.forEach(function (c) {
    var b = el("button", { type: "button", className: "rf-choice" }, c.title);
    if (!active) b.disabled = true;
    b.addEventListener("click", function () {
      var buttons = group.querySelectorAll("button");
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
      b.classList.add("rf-chosen");
      self.send(c.payload, c.title);
      self.input.focus();
    });
    group.appendChild(b);
  });
  return group;
};

Chat.prototype._disableOldChoices = function () {
  var buttons = this.log.querySelectorAll(".rf-choice");
  for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
};

Chat.prototype._scroll = function () {
  this.log.scrollTop = this.log.scrollHeight;
};

Chat.prototype._setBanner = function (state, text) {
  this.root.setAttribute("data-state", state);
  this.banner.textContent = text || "";
  this.banner.hidden = !text;
};

Chat.prototype._showTyping = function (on) {
  this.typing.hidden = !on;
  if (on) this._scroll();
};

// ---- sending ---------------------------------------------------------------------------------

Chat.prototype._submitInput = function () {
  var text = this.input.value;
  if (!text.trim()) {
    this.input.value = "";
    return;
  }
  this.input.value = "";
  this.send(text);
};

// Queue a message (payload is what Rasa gets, label what the person sees) and send it when online.
Chat.prototype.send = function (payload, label) {
  var item = { sender: "user", text: label || payload, payload: payload, outboxId: newId().slice(0, 12), sent: false };
  if (this.log.querySelector(".rf-intro")) this.log.textContent = "";
  this._disableOldChoices();
  this.outbox.push(item);
  this.store.set("outbox", this.outbox);
  this._renderMessage(item, false);
  this._scroll();
  this._flush();
};

Chat.prototype._flush = function () {
  if (!this.online || !this.socket) return;
  var any = false;
  for (var i = 0; i < this.outbox.length; i++) {
    var item = this.outbox[i];
    if (item.sent) continue;
    this.socket.emit("user_uttered", {
      message: item.payload,
      session_id: this.sessionId,
      customData: merge({ language: navigator.language || "", page: location.pathname }, this.opts.metadata),
    });
    item.sent = true;
    any = true;
    var li = this.log.querySelector('[data-outbox="' + item.outboxId + '"] .rf-pending-note');
    if (li) li.textContent = "Sending\u2026";
  }
  if (any) {
    this.store.set("outbox", this.outbox);
    this._showTyping(true);
    this._armReplyTimer();
  }
};

Chat.prototype._armReplyTimer = function () {
  var self = this;
  clearTimeout(this.replyTimer);
  this.replyTimer = setTimeout(function () {
    self._showTyping(false);
    if (self.outbox.some(function (m) { return m.sent; })) {
      self._setBanner("slow", self.opts.title + " is taking longer than usual. Your message is saved; the answer will show here when it comes.");
    }
  }, this.opts.replyTimeoutMs);
};

// An answer arrived: everything sent so far has reached the assistant.
Chat.prototype._acknowledge = function () {
  var kept = [];
  for (var i = 0; i < this.outbox.length; i++) {
    var item = this.outbox[i];
    if (item.sent) {
      this.messages.push({ sender: "user", text: item.text });
      var li = this.log.querySelector('[data-outbox="' + item.outboxId + '"]');
      if (li) {
        li.classList.remove("rf-pending");
        li.removeAttribute("data-outbox");
        var note = li.querySelector(".rf-pending-note");
        if (note) note.parentNode.removeChild(note);
      }
    } else {
      kept.push(item);
    }
  }
  this.outbox = kept;
  this.store.set("outbox", this.outbox);
};

Chat.prototype._saveMessages = function () {
  if (this.messages.length > MAX_STORED) this.messages = this.messages.slice(-MAX_STORED);
  this.store.set("messages", this.messages);
};

// ---- socket ------------------------------------------------------------------------------------

Chat.prototype._connect = function () {
  var self = this;
  var o = this.opts;
  var url = o.serverUrl || window.location.origin;
  var socket = ReframeIO(url, { path: o.socketPath, reconnectionDelay: 500, reconnectionDelayMax: 4000, timeout: 8000 });
  this.socket = socket;
  var slowStart = setTimeout(function () {
    if (!self.online) self._setBanner("connecting", "Connecting to " + o.title + "\u2026");
  }, 1500);

  socket.on("connect", function () {
    socket.emit("session_request", { session_id: self.sessionId });
  });

  socket.on("session_confirm", function (id) {
    clearTimeout(slowStart);
    if (typeof id === "string" && id && id !== self.sessionId) {
      self.sessionId = id;
      self.store.set("session", id);
    }
    var wasOffline = self.everConnected && !self.online;
    self.online = true;
    self.everConnected = true;
    self._setBanner("online", wasOffline ? "Connected again." : "");
    if (wasOffline) setTimeout(function () { if (self.online) self._setBanner("online", ""); }, 2500);
    // Our server sends the history right after; wait briefly so it can tell which queued messages
    // it already has. A server without history (stock Rasa) just means a short wait.
    clearTimeout(self.historyTimer);
    self.historyTimer = setTimeout(function () { self._flush(); }, o.historyWaitMs);
  });

  socket.on("session_history", function (data) {
    if (!data || data.session_id !== self.sessionId || !Array.isArray(data.messages)) return;
    clearTimeout(self.historyTimer);
    self._applyHistory(data.messages);
    self._flush();
  });

  socket.on("bot_uttered", function (raw) {
    var msg = normaliseBot(raw);
    if (!msg) return;
    self._acknowledge();
    if (self.log.querySelector(".rf-intro")) self.log.textContent = "";
    self._disableOldChoices();
    self.messages.push(msg);
    self._saveMessages();
    self._renderMessage(msg, true);
    if (self.root.getAttribute("data-state") === "slow") self._setBanner("online", "");
    clearTimeout(self.replyTimer);
    // Several messages usually come in a burst; keep the indicator up until the burst is over.
    clearTimeout(self.typingTimer);
    self.typingTimer = setTimeout(function () { self._showTyping(false); }, 400);
    self._scroll();
  });

  function offline() {
    clearTimeout(slowStart);
    var wasOnline = self.online;
    self.online = false;
    self._showTyping(false);
    // Anything sent but unanswered may not have arrived; the history after reconnecting decides.
    if (wasOnline || !self.everConnected) {
      self._setBanner("offline", "Can't reach " + o.title + " right now. Trying again\u2026 " +
        "What you type is kept and sent when the connection is back.");
    }
    var notes = self.log.querySelectorAll(".rf-pending-note");
    for (var i = 0; i < notes.length; i++) notes[i].textContent = "Waiting to send";
  }
  socket.on("disconnect", offline);
  socket.on("connect_error", offline);
};

// The server's record replaces the local copy. A queued message the server already has is
// acknowledged; one it does not have is sent (again).
Chat.prototype._applyHistory = function (serverMessages) {
  var msgs = [];
  for (var i = 0; i < serverMessages.length; i++) {
    var m = serverMessages[i];
    if (!m) continue;
    if (m.sender === "user") msgs.push({ sender: "user", text: String(m.text || "") });
    else {
      var b = normaliseBot(m);
      if (b) msgs.push(b);
    }
  }
  if (!msgs.length && this.messages.length && !serverMessages.length) {
    // The server has nothing under this id (a fresh database): keep the local copy on screen.
    msgs = this.messages;
  }
  var userTexts = msgs.filter(function (m) { return m.sender === "user"; }).slice(-this.outbox.length - 1).map(function (m) { return m.text; });
  var kept = [];
  for (var k = 0; k < this.outbox.length; k++) {
    var item = this.outbox[k];
    var at = item.sent ? userTexts.indexOf(item.text) : -1;
    if (at >= 0) {
      userTexts.splice(at, 1);
    } else {
      item.sent = false;
      kept.push(item);
    }
  }
  this.outbox = kept;
  this.messages = msgs;
  this.store.set("outbox", this.outbox);
  this._saveMessages();
  this._renderAll();
};

Chat.prototype.restart = function () {
  this.sessionId = newId();
  this.store.set("session", this.sessionId);
  this.messages = [];
  this.outbox = [];
  this._saveMessages();
  this.store.set("outbox", []);
  this._renderAll();
  if (this.socket && this.socket.connected) this.socket.emit("session_request", { session_id: this.sessionId });
  this.input.focus();
};

Chat.prototype.destroy = function () {
  if (this.socket) this.socket.close();
  if (this.root.parentNode) this.root.parentNode.removeChild(this.root);
};

window.ReframeChat = {
  version: VERSION,
  init: function (options) {
    var chat = new Chat(options || {});
    return {
      open: function () { chat.open(); },
      close: function () { chat.close(); },
      send: function (text) { chat.send(String(text)); },
      destroy: function () { chat.destroy(); },
      get sessionId() { return chat.sessionId; },
    };
  },
};
