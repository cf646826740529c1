/* Networking Playbook, feature "transfer": sending the reader's data to another device in a
 * link (a QR code, or a file), and reading such a link when a page opens from one. The data is
 * in the link's fragment, which browsers never send. A classic script that the People log
 * loads the first time the reader asks to send it, or when a page opens from a transfer link.
 * Whatever the reader typed is only ever written with textContent, value or setAttribute. */
(function () {
  "use strict";

  var core = null;
  var people = null;
  var ui = null;
  var scriptSrc = document.currentScript ? document.currentScript.src : "";

  function t(key, values) {
    return core.t(key, values);
  }

  function element(tag, className, text) {
    return ui.element(tag, className, text);
  }

  function button(action, text) {
    return ui.button(action, text);
  }

  function say(widget, text) {
    ui.say(widget, text);
  }

  function nowStamp() {
    return new Date().toISOString();
  }

  function localToday() {
    return people.model.localToday();
  }

  function exportPayload() {
    return {
      format: core.contract.exportFormat,
      version: core.contract.exportVersion,
      namespace: core.namespace(),
      exported: nowStamp(),
      data: core.store.entries(),
    };
  }

  function toBase64Url(bytes) {
    var binary = "";
    for (var index = 0; index < bytes.length; index += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(index, index + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  }

  function through(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }

  function canCompress() {
    return typeof window.CompressionStream === "function" && typeof window.DecompressionStream === "function";
  }

  /** The transfer link for this data: a promise of the URL. */
  function transferLink(payload) {
    var bytes = new TextEncoder().encode(JSON.stringify(payload));
    return through(bytes, new window.CompressionStream("deflate-raw")).then(function (packed) {
      return people.peopleUrl().split("#")[0] + "#" + core.contract.transferFragment + "=" + toBase64Url(packed);
    });
  }

  var qrLoading = null;

  /** The vendored QR encoder (assets/vendor), loaded the first time a reader asks. */
  function loadQr() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    if (qrLoading) return qrLoading;
    qrLoading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("../vendor/qrcode-generator.js", scriptSrc || window.location.href).href;
      script.onload = function () { resolve(window.qrcode); };
      script.onerror = function () { qrLoading = null; reject(new Error("QR encoder missing")); };
      document.head.appendChild(script);
    });
    return qrLoading;
  }

  var SVG = "http://www.w3.org/2000/svg";

  /** The QR code as SVG squares, drawn with DOM calls (no markup from strings). */
  function qrSvg(qrcode, text) {
    var code = qrcode(0, "L");
    code.addData(text, "Byte");
    code.make();
    var size = code.getModuleCount();
    var border = 4;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (size + 2 * border) + " " + (size + 2 * border));
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("transfer_qr_label"));
    svg.setAttribute("class", "playbook-people__qr");
    var background = document.createElementNS(SVG, "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#fff");
    svg.appendChild(background);
    var path = [];
    for (var row = 0; row < size; row++) {
      for (var column = 0; column < size; column++) {
        if (code.isDark(row, column)) path.push("M" + (column + border) + " " + (row + border) + "h1v1h-1z");
      }
    }
    var dark = document.createElementNS(SVG, "path");
    dark.setAttribute("d", path.join(""));
    dark.setAttribute("fill", "#000");
    svg.appendChild(dark);
    return svg;
  }

  function transferPanel(widget) {
    var panel = widget.querySelector("[data-playbook-transfer]");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.hidden = false;
    return panel;
  }

  function offerFile(panel, text) {
    panel.appendChild(element("p", "", text));
    var line = element("p");
    line.appendChild(button("transfer-file", t("transfer_save_file")));
    panel.appendChild(line);
  }

  function transfer(widget) {
    var panel = transferPanel(widget);
    if (!canCompress()) {
      offerFile(panel, t("transfer_unsupported"));
      return;
    }
    var limit = core.contract.qrLimitBytes;
    transferLink(exportPayload()).then(function (url) {
      if (url.length > limit) {
        offerFile(panel, t("transfer_too_large", { size: url.length, limit: limit }));
        return null;
      }
      return loadQr().then(function (qrcode) {
        panel.appendChild(element("p", "", t("transfer_intro")));
        if (window.location.protocol === "file:") panel.appendChild(element("p", "playbook-people__note", t("transfer_local_file")));
        panel.appendChild(qrSvg(qrcode, url));
        var line = element("p", "playbook-people__link");
        var label = element("label", "", t("transfer_link_label"));
        label.setAttribute("for", "playbook-transfer-link");
        var input = element("input");
        input.id = "playbook-transfer-link";
        input.readOnly = true;
        input.value = url;
        line.appendChild(label);
        line.appendChild(input);
        line.appendChild(document.createTextNode(" "));
        line.appendChild(button("transfer-copy", t("transfer_copy")));
        panel.appendChild(line);
      });
    }).catch(function () {
      offerFile(panel, t("transfer_unsupported"));
    });
  }

  function copyLink(widget) {
    var input = widget.querySelector("#playbook-transfer-link");
    if (!input) return;
    input.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(input.value).then(function () { say(widget, t("transfer_copied")); });
    }
  }

  function saveFile(widget) {
    var payload = exportPayload();
    var file = payload.namespace + "-" + localToday() + ".json";
    core.download(JSON.stringify(payload, null, 2) + "\n", file, "application/json");
    say(widget, t("transfer_file_saved", { file: file }));
  }

  /** A page opened from a transfer link: ask, then merge as an import does; the fragment goes
   * from the address either way (it holds the reader's data). */
  function receiveTransfer() {
    var mark = "#" + core.contract.transferFragment + "=";
    var hash = window.location.hash;
    if (hash.indexOf(mark) !== 0) return;
    var packed = hash.slice(mark.length);
    window.history.replaceState(window.history.state, "", window.location.href.split("#")[0]);
    var widget = document.querySelector("[data-playbook-people]") || document.body;
    function report(text) {
      if (widget !== document.body) say(widget, text);
      else core.notice("data_notice", text);
    }
    if (!canCompress()) {
      report(t("transfer_unsupported"));
      return;
    }
    var bytes;
    try {
      bytes = fromBase64Url(packed);
    } catch (error) {
      report(t("transfer_broken"));
      return;
    }
    through(bytes, new window.DecompressionStream("deflate-raw")).then(function (plain) {
      var text = new TextDecoder().decode(plain);
      var payload = JSON.parse(text);
      var count = payload && payload.data && typeof payload.data === "object" ? Object.keys(payload.data).length : 0;
      if (!window.confirm(t("transfer_confirm", { count: count }))) {
        report(t("transfer_declined"));
        return;
      }
      core.need("data", function (data) { data.importText(text, report); });
    }).catch(function () {
      report(t("transfer_broken"));
    });
  }

  function act(action, widget) {
    if (action === "transfer") transfer(widget);
    else if (action === "transfer-file") saveFile(widget);
    else if (action === "transfer-copy") copyLink(widget);
  }

  function start(found, log) {
    if (core || found.registered("transfer")) return; /* this script ran twice */
    core = found;
    ui = log.ui;
    found.feature("people", function (feature) {
      people = feature.api;
      found.register("transfer", { setUp: function () {}, act: act, receive: receiveTransfer });
    });
  }

  /* The core may not be there yet (this script listed before it): it picks us up. */
  function withCore(found) {
    found.feature("people-log", function (log) { start(found, log); });
  }

  if (window.Playbook && window.Playbook.register) {
    withCore(window.Playbook);
  } else {
    (window.playbookPending = window.playbookPending || []).push(withCore);
  }
})();
