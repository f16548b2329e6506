// The emulator's preview page: lists the recorded posts (GET /api/posts), follows new ones (GET /api/events,
// Server-Sent Events) and renders every Adaptive Card with the official renderer (lib/adaptivecards.min.js).
//
// Posts are untrusted input. Text from a post only ever reaches the page through textContent or attribute
// setters; the one place that writes HTML is the Adaptive Cards renderer, whose Markdown goes through
// markdown-it with raw HTML switched off.
(function () {
    "use strict";

    /** At most this many posts stay on the page; older ones drop off the end (the server keeps its own bound). */
    var MAX_POSTS_SHOWN = 300;

    var AC = window.AdaptiveCards;
    var postsSection = document.getElementById("posts");
    var emptyNote = document.getElementById("empty");
    var loadError = document.getElementById("load-error");
    var connection = document.getElementById("connection");
    var countLabel = document.getElementById("count");
    var announcer = document.getElementById("announcer");
    var shown = new Map(); // seq -> article
    // Counters of every post since the emulator started (GET api/posts), moved on by live posts.
    var counters = { total: 0, accepted: 0, rejected: 0, fault: 0 };
    var maxSeq = -1;

    // ---------------------------------------------------------------- renderer set-up

    /** RingCentral's look: its font stack, 14 px text, its blue as accent, light separators, inline ShowCard. */
    var hostConfig = AC ? new AC.HostConfig({
        fontFamily: "Lato, \"Helvetica Neue\", Helvetica, Arial, sans-serif",
        supportsInteractivity: true,
        spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
        separator: { lineThickness: 1, lineColor: "#E0E3E7" },
        fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 22 },
        fontWeights: { lighter: 300, default: 400, bolder: 700 },
        imageSizes: { small: 32, medium: 52, large: 100 },
        containerStyles: {
            default: {
                backgroundColor: "#FFFFFF",
                foregroundColors: {
                    default: { default: "#2F2F2F", subtle: "#6B6F76" },
                    dark: { default: "#1F1F1F", subtle: "#4C4F54" },
                    light: { default: "#FFFFFF", subtle: "#F3F4F6" },
                    accent: { default: "#066FAC", subtle: "#3C8FC2" },
                    good: { default: "#2E8540", subtle: "#5FA36F" },
                    warning: { default: "#C25E00", subtle: "#D98A3D" },
                    attention: { default: "#D32F2F", subtle: "#E06666" }
                }
            },
            emphasis: {
                backgroundColor: "#F3F6F9",
                foregroundColors: {
                    default: { default: "#2F2F2F", subtle: "#6B6F76" },
                    accent: { default: "#066FAC", subtle: "#3C8FC2" },
                    good: { default: "#2E8540", subtle: "#5FA36F" },
                    warning: { default: "#C25E00", subtle: "#D98A3D" },
                    attention: { default: "#D32F2F", subtle: "#E06666" }
                }
            }
        },
        actions: {
            maxActions: 5,
            spacing: "default",
            buttonSpacing: 8,
            showCard: { actionMode: "inline", inlineTopMargin: 12, style: "emphasis" },
            actionsOrientation: "horizontal",
            actionAlignment: "left"
        },
        factSet: {
            title: { color: "default", size: "default", isSubtle: true, weight: "default", wrap: true, maxWidth: 160 },
            value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
            spacing: 12
        }
    }) : null;

    if (AC && window.markdownit) {
        // RingCentral renders Markdown in TextBlocks. html:false keeps raw HTML in a card as text.
        var markdown = window.markdownit({ html: false, linkify: true, breaks: true, typographer: false });
        var defaultLinkOpen = markdown.renderer.rules.link_open || function (tokens, idx, options, env, self) {
            return self.renderToken(tokens, idx, options);
        };
        markdown.renderer.rules.link_open = function (tokens, idx, options, env, self) {
            tokens[idx].attrSet("target", "_blank");
            tokens[idx].attrSet("rel", "noopener noreferrer");
            return defaultLinkOpen(tokens, idx, options, env, self);
        };
        AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
            result.outputHtml = markdown.render(text);
            result.didProcess = true;
        };
    }

    // ---------------------------------------------------------------- small DOM helpers

    /** Creates an element; text goes through textContent, never through HTML. */
    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined && text !== null) {
            node.textContent = String(text);
        }
        return node;
    }

    function append(parent) {
        for (var i = 1; i < arguments.length; i++) {
            if (arguments[i]) {
                parent.appendChild(arguments[i]);
            }
        }
        return parent;
    }

    function isString(value) {
        return typeof value === "string" && value.length > 0;
    }

    function plural(n, one, many) {
        return n.toLocaleString() + " " + (n === 1 ? one : many);
    }

    function formatTime(iso) {
        var date = new Date(iso);
        if (isNaN(date.getTime())) {
            return String(iso);
        }
        return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    }

    function isWebUrl(url) {
        try {
            var parsed = new URL(url, window.location.href);
            return parsed.protocol === "https:" || parsed.protocol === "http:";
        } catch (e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- one post

    var VERDICT_LABELS = { accepted: "Accepted", rejected: "Rejected", fault: "Injected fault" };

    function verdictOf(post) {
        return VERDICT_LABELS.hasOwnProperty(post.verdict) ? post.verdict : "unknown";
    }

    function buildPost(post) {
        var verdict = verdictOf(post);
        var seq = Number(post.seq);
        var article = el("article", "post post--" + verdict);
        article.dataset.seq = String(seq);
        article.dataset.verdict = verdict;
        article.dataset.hookId = String(post.hookId || "");
        article.dataset.receivedAt = String(post.receivedAt || "");
        article.setAttribute("aria-labelledby", "post-" + seq + "-heading");

        article.appendChild(buildHeader(post, verdict, seq));

        var body = el("div", "post-body");
        body.appendChild(buildMessage(post));
        body.appendChild(buildVerdictPanel(post, verdict));
        article.appendChild(body);

        var raw = buildRaw(post);
        if (verdict === "rejected" && !hasMessage(post)) {
            // Nothing else shows what was sent: open the body beside the answer.
            raw.open = true;
        }
        article.appendChild(raw);
        applyFilter(article);
        return article;
    }

    function hasMessage(post) {
        return isString(post.activity) || isString(post.title) || isString(post.text) || (Array.isArray(post.cards) && post.cards.length > 0);
    }

    function buildHeader(post, verdict, seq) {
        var header = el("header", "post-header");
        var badge = el("span", "badge badge--" + verdict);
        badge.appendChild(el("span", "badge-verdict", VERDICT_LABELS[verdict] || String(post.verdict)));
        badge.appendChild(el("span", "badge-status", statusText(post)));

        var heading = el("h2", "post-heading", "Post #" + seq);
        heading.id = "post-" + seq + "-heading";

        var meta = el("dl", "post-meta");
        var time = el("time", null, formatTime(post.receivedAt));
        time.dateTime = String(post.receivedAt || "");
        time.title = String(post.receivedAt || "");
        metaItem(meta, "Received", time);
        metaItem(meta, "Hook", el("code", "hook-id", post.hookId));
        metaItem(meta, "Route", el("span", "route", post.route === "v1" ? "v1 (legacy)" : String(post.route || "?")));
        if (isString(post.contentType)) {
            metaItem(meta, "Content type", el("span", null, post.contentType));
        }

        return append(header, badge, heading, meta);
    }

    /** "HTTP 200", or "no answer" for a dropped connection (status 0). */
    function statusText(post) {
        var status = Number(post.httpStatus);
        return status > 0 ? "HTTP " + status : "no answer";
    }

    function metaItem(list, term, valueNode) {
        var item = el("div", "post-meta-item");
        item.appendChild(el("dt", null, term));
        var dd = el("dd");
        dd.appendChild(valueNode);
        item.appendChild(dd);
        list.appendChild(item);
    }

    /** The post as the chat would show it: activity line, title, text, then each card. */
    function buildMessage(post) {
        var message = el("div", "message");
        var envelope = el("div", "message-envelope");
        if (isString(post.activity)) {
            envelope.appendChild(el("p", "message-activity", post.activity));
        }
        if (isString(post.title)) {
            envelope.appendChild(el("p", "message-title", post.title));
        }
        if (isString(post.text)) {
            envelope.appendChild(el("p", "message-text", post.text));
        }
        if (envelope.childNodes.length > 0) {
            message.appendChild(envelope);
        }

        var cards = Array.isArray(post.cards) ? post.cards : [];
        cards.forEach(function (card, index) {
            message.appendChild(renderCard(card, index, cards.length));
        });

        if (cards.length === 0 && envelope.childNodes.length === 0) {
            message.appendChild(el("p", "message-none",
                post.verdict === "fault"
                    ? "The emulator answered with an injected fault; the message was not processed."
                    : "No message could be read from the body; see the raw body below."));
        }
        return message;
    }

    /** Renders one card into a .card-render container; a failure shows in a .render-error box instead. */
    function renderCard(cardJson, index, count) {
        var figure = el("figure", "card");
        var render = el("div", "card-render");
        render.dataset.cardIndex = String(index);
        figure.appendChild(render);
        if (count > 1) {
            figure.appendChild(el("figcaption", "card-caption", "Attachment " + (index + 1) + " of " + count));
        }

        if (!AC) {
            figure.appendChild(renderError("The Adaptive Cards renderer (lib/adaptivecards.min.js) did not load."));
            return figure;
        }

        var notes = [];
        try {
            if (cardJson === null || typeof cardJson !== "object" || Array.isArray(cardJson)) {
                throw new Error("the attachment is not a JSON object");
            }
            var card = new AC.AdaptiveCard();
            card.hostConfig = hostConfig;
            card.onExecuteAction = function (action) {
                onCardAction(action, figure);
            };
            var context = new AC.SerializationContext();
            card.parse(cardJson, context);
            for (var i = 0; i < context.eventCount; i++) {
                notes.push(context.getEventAt(i));
            }
            var rendered = card.render();
            if (!rendered) {
                throw new Error("the renderer produced nothing for this card");
            }
            render.appendChild(rendered);
        } catch (e) {
            render.remove();
            figure.insertBefore(renderError("The card could not be rendered: " + (e && e.message ? e.message : String(e))), figure.firstChild);
        }

        if (notes.length > 0) {
            var details = el("details", "renderer-notes");
            details.appendChild(el("summary", null, plural(notes.length, "renderer note", "renderer notes")));
            var list = el("ul");
            notes.forEach(function (note) {
                var name = AC.ValidationEvent && AC.ValidationEvent[note.event] !== undefined ? AC.ValidationEvent[note.event] : String(note.event);
                list.appendChild(el("li", null, name + ": " + note.message));
            });
            details.appendChild(list);
            figure.appendChild(details);
        }
        return figure;
    }

    function renderError(text) {
        var box = el("div", "render-error", text);
        box.setAttribute("role", "note");
        return box;
    }

    /** Actions behave as in RingCentral: OpenUrl opens the link; Submit has nowhere to go from an incoming webhook. */
    function onCardAction(action, figure) {
        var note;
        if (AC.OpenUrlAction && action instanceof AC.OpenUrlAction) {
            if (isWebUrl(action.url)) {
                window.open(action.url, "_blank", "noopener,noreferrer");
                return;
            }
            note = "This Action.OpenUrl has no http(s) URL.";
        } else if (AC.SubmitAction && action instanceof AC.SubmitAction) {
            note = "Action.Submit: a card posted through an incoming webhook has no app to receive the data, so RingCentral sends it nowhere.";
        } else {
            note = (action.getJsonTypeName ? action.getJsonTypeName() : "This action") + " is not run by the preview.";
        }
        var existing = figure.querySelector(".action-note");
        var box = existing || el("p", "action-note");
        box.setAttribute("role", "status");
        box.textContent = note;
        if (!existing) {
            figure.appendChild(box);
        }
    }

    /** The verdict, RingCentral's answer and the validation findings beside the message. */
    function buildVerdictPanel(post, verdict) {
        var aside = el("aside", "verdict verdict--" + verdict);
        aside.setAttribute("aria-label", "Verdict for post #" + post.seq);

        var response = post.response && typeof post.response === "object" ? post.response : null;
        var answer = el("div", "verdict-answer");
        answer.appendChild(el("h3", null, "Answer"));
        var answerText = Number(post.httpStatus) > 0 ? "HTTP " + post.httpStatus : "Connection dropped, no answer";
        if (response && isString(response.status)) {
            answerText += ", status \u201C" + response.status + "\u201D";
        }
        answer.appendChild(el("p", "verdict-status", answerText));
        if (verdict === "rejected") {
            answer.appendChild(el("p", "verdict-outcome", "RingCentral would not show this post."));
        } else if (verdict === "fault") {
            answer.appendChild(el("p", "verdict-outcome", "Nothing was posted; a client may retry."));
        }
        var error = response && isString(response.error) ? response.error : (isString(post.error) ? post.error : null);
        if (error) {
            answer.appendChild(el("p", "verdict-error", error));
        } else if (response && isString(response.message) && response.errorCode) {
            // The platform's rate-limit answer: {"errorCode":"CMN-301","message":...}.
            answer.appendChild(el("p", "verdict-error", response.errorCode + ": " + response.message));
        }
        if (response && isString(response.message) && verdict !== "accepted") {
            answer.appendChild(el("p", "verdict-message", response.message));
        }
        if (response && Array.isArray(response.validation) && response.validation.length > 0) {
            var validation = el("ul", "verdict-validation");
            response.validation.forEach(function (line) {
                validation.appendChild(el("li", null, typeof line === "string" ? line : JSON.stringify(line)));
            });
            answer.appendChild(validation);
        }
        if (isString(post.fault)) {
            answer.appendChild(el("p", "verdict-fault", "Injected: " + post.fault));
        }
        aside.appendChild(answer);

        // Errors first: they are why a post was rejected.
        var findings = (Array.isArray(post.findings) ? post.findings : []).slice().sort(function (a, b) {
            return severityRank(a.severity) - severityRank(b.severity);
        });
        var section = el("div", "findings");
        section.appendChild(el("h3", null, findings.length === 0 ? "Validation" : "Validation: " + plural(findings.length, "finding", "findings")));
        if (findings.length === 0) {
            section.appendChild(el("p", "findings-none", verdict === "fault" ? "Not validated." : "No findings."));
        } else {
            var list = el("ul", "findings-list");
            findings.forEach(function (finding) {
                var severity = String(finding.severity || "info").toLowerCase();
                var item = el("li", "finding finding--" + severity);
                item.dataset.severity = severity;
                var head = el("div", "finding-head");
                append(head,
                    el("span", "finding-severity", severity),
                    el("code", "finding-rule", finding.ruleId),
                    isString(finding.path) ? el("code", "finding-path", finding.path) : null);
                item.appendChild(head);
                item.appendChild(el("p", "finding-message", finding.message));
                list.appendChild(item);
            });
            section.appendChild(list);
        }
        aside.appendChild(section);
        return aside;
    }

    function severityRank(severity) {
        var rank = { error: 0, warning: 1, info: 2 }[String(severity || "").toLowerCase()];
        return rank === undefined ? 3 : rank;
    }

    /** The raw body, pretty-printed when it is JSON, in a collapsed block. */
    function buildRaw(post) {
        var details = el("details", "raw");
        var body = typeof post.body === "string" ? post.body : "";
        var bytes = typeof post.bodyBytes === "number" ? post.bodyBytes : new TextEncoder().encode(body).length;
        var label = "Raw body (" + plural(bytes, "byte", "bytes") + (post.bodyTruncated ? ", cut off" : "") + ")";
        details.appendChild(el("summary", null, label));
        var text = body;
        try {
            text = JSON.stringify(JSON.parse(body), null, 2);
        } catch (e) {
            // Not JSON (or cut off): show it as it came.
        }
        var pre = el("pre", "raw-body");
        pre.appendChild(el("code", null, text));
        details.appendChild(pre);
        return details;
    }

    // ---------------------------------------------------------------- the list

    function addPost(post, live) {
        if (!post || typeof post !== "object" || post.seq === undefined) {
            return;
        }
        var seq = Number(post.seq);
        if (shown.has(seq)) {
            return;
        }
        var article = buildPost(post);

        // Newest first: before the first shown post with a lower sequence number.
        var before = null;
        var children = postsSection.children;
        for (var i = 0; i < children.length; i++) {
            if (Number(children[i].dataset.seq) < seq) {
                before = children[i];
                break;
            }
        }
        postsSection.insertBefore(article, before);
        shown.set(seq, article);

        if (seq > maxSeq) {
            if (live) {
                // A post newer than any seen: it is not in the counters yet.
                counters.total++;
                var key = verdictOf(post);
                if (counters.hasOwnProperty(key)) {
                    counters[key]++;
                }
            }
            maxSeq = seq;
        }

        while (postsSection.children.length > MAX_POSTS_SHOWN) {
            var last = postsSection.lastElementChild;
            shown.delete(Number(last.dataset.seq));
            last.remove();
        }

        if (live) {
            article.classList.add("post--new");
            announcer.textContent = "New post #" + seq + ": " + (VERDICT_LABELS[verdictOf(post)] || post.verdict) + ".";
        }
        updateCount();
    }

    function updateCount() {
        var text = plural(counters.total, "post", "posts");
        if (counters.total > 0) {
            text += ": " + counters.accepted.toLocaleString() + " accepted, " + counters.rejected.toLocaleString() + " rejected, "
                + plural(counters.fault, "fault", "faults");
        }
        if (counters.total !== shown.size) {
            text += " (" + shown.size.toLocaleString() + " shown)";
        }
        countLabel.textContent = text;
        emptyNote.hidden = shown.size > 0;
    }

    function clearShown() {
        // The emulator forgets the recorded posts; its counters go on.
        shown.clear();
        postsSection.textContent = "";
        updateCount();
    }

    function loadPosts() {
        return fetch("api/posts?limit=" + MAX_POSTS_SHOWN, { headers: { Accept: "application/json" }, cache: "no-store" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("GET api/posts answered HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (page) {
                loadError.hidden = true;
                var posts = Array.isArray(page.posts) ? page.posts : [];
                var newest = posts.length > 0 ? shown.get(Number(posts[0].seq)) : null;
                if ((typeof page.total === "number" && page.total < maxSeq)
                    || (newest && newest.dataset.receivedAt !== String(posts[0].receivedAt))) {
                    // The emulator was restarted and numbers its posts from 1 again: start over.
                    clearShown();
                    maxSeq = -1;
                }
                // Oldest first, so each insert lands at the top, as live posts do.
                posts.slice().reverse().forEach(function (post) {
                    addPost(post, false);
                });
                if (typeof page.total === "number") {
                    counters.total = page.total;
                    counters.accepted = Number(page.accepted) || 0;
                    counters.rejected = Number(page.rejected) || 0;
                    counters.fault = Number(page.faulted) || 0;
                    maxSeq = Math.max(maxSeq, page.total);
                }
                updateCount();
            })
            .catch(function (e) {
                loadError.textContent = "Could not load the posts: " + (e && e.message ? e.message : String(e));
                loadError.hidden = false;
            })
            .then(function () {
                postsSection.setAttribute("aria-busy", "false");
                document.documentElement.dataset.loaded = "true";
            });
    }

    // ---------------------------------------------------------------- live updates

    var events = null;
    var retryTimer = 0;

    function setConnection(state, text) {
        connection.dataset.state = state;
        connection.querySelector(".connection-text").textContent = text;
    }

    function connect() {
        if (!window.EventSource) {
            setConnection("offline", "No live updates in this browser; reload to see new posts");
            return;
        }
        clearTimeout(retryTimer);
        // The stream replays what was recorded after the last post the page has, so nothing falls in between;
        // on a reconnect the browser sends Last-Event-ID, which does the same.
        events = new EventSource("api/events" + (maxSeq >= 0 ? "?after=" + maxSeq : ""));
        var wasDown = false;
        events.onopen = function () {
            setConnection("live", "Live");
            if (wasDown) {
                // Catch up on whatever arrived while the stream was down.
                loadPosts();
            }
            wasDown = false;
        };
        events.addEventListener("post", function (message) {
            try {
                addPost(JSON.parse(message.data), true);
            } catch (e) {
                // A malformed event is skipped; the next reload shows the post.
            }
        });
        events.onerror = function () {
            wasDown = true;
            if (events.readyState === EventSource.CLOSED) {
                setConnection("offline", "Disconnected; retrying in 3 s");
                events.close();
                retryTimer = setTimeout(connect, 3000);
            } else {
                setConnection("reconnecting", "Reconnecting…");
            }
        };
    }

    // ---------------------------------------------------------------- controls

    function applyFilter(article) {
        var box = document.querySelector("input[name=verdict][value=\"" + article.dataset.verdict + "\"]");
        article.hidden = box ? !box.checked : false;
    }

    document.querySelectorAll("input[name=verdict]").forEach(function (box) {
        box.addEventListener("change", function () {
            shown.forEach(applyFilter);
        });
    });

    document.getElementById("clear").addEventListener("click", function () {
        fetch("api/posts", { method: "DELETE" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("DELETE api/posts answered HTTP " + response.status);
                }
                clearShown();
            })
            .catch(function (e) {
                loadError.textContent = "Could not clear the posts: " + (e && e.message ? e.message : String(e));
                loadError.hidden = false;
            });
    });

    document.getElementById("example").textContent =
        "curl -H 'Content-Type: application/json' -d '{\"text\":\"Hello\"}' " + window.location.origin + "/webhook/v2/<hook id>";

    if (!AC) {
        loadError.textContent = "The Adaptive Cards renderer (lib/adaptivecards.min.js) did not load; cards cannot be shown. Build the emulator with npm available.";
        loadError.hidden = false;
    }

    loadPosts().then(connect);
})();
