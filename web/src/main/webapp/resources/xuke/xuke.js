/*
 * Bulk steps say how many records they act on: a button with data-selected-in="<table id>" puts
 * the number of ticked rows into the confirmation dialog's .xuke-selected-count once it shows.
 * No inline script (the pages' CSP allows scripts by nonce or from this origin only).
 */
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-selected-in]') : null;
    if (!button) {
        return;
    }
    var table = document.getElementById(button.getAttribute('data-selected-in'));
    var count = table ? table.querySelectorAll('tbody tr[aria-selected="true"]').length : 0;
    // the dialog writes its message while handling this click: fill the number in right after
    setTimeout(function () {
        document.querySelectorAll('.xuke-selected-count').forEach(function (span) {
            span.textContent = String(count);
        });
    }, 0);
}, true);

/*
 * PrimeFaces' skinned file upload hides the real file input from assistive technology behind a
 * button that has the focus; the hidden input must then not be reachable by Tab either.
 */
function xukeHideSkinnedFileInputs() {
    document.querySelectorAll('input[type="file"][aria-hidden="true"]').forEach(function (input) {
        input.setAttribute('tabindex', '-1');
    });
}
document.addEventListener('DOMContentLoaded', xukeHideSkinnedFileInputs);

/*
 * A signed-in page warns two minutes before its session would end (30 minutes without a request)
 * and offers 继续工作, which keeps the session and the form as it is; once the session has ended the
 * warning says so, and the input stays on the page to be copied before signing in again.
 */
document.addEventListener('DOMContentLoaded', function () {
    var body = document.body;
    var seconds = parseInt(body.getAttribute('data-session-seconds'), 10);
    if (!(seconds > 0)) {
        return;
    }
    var warnAfter = Math.max(seconds - 120, 10) * 1000;
    var endAt = 0;
    var timer = 0;
    var banner = document.createElement('div');
    banner.className = 'xuke-session-warning';
    banner.setAttribute('role', 'alert');
    banner.hidden = true;
    var text = document.createElement('span');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = body.getAttribute('data-session-extend');
    banner.appendChild(text);
    banner.appendChild(button);
    body.insertBefore(banner, body.firstChild);

    function schedule() {
        banner.hidden = true;
        endAt = Date.now() + seconds * 1000;
        clearTimeout(timer);
        timer = setTimeout(warn, warnAfter);
    }
    function warn() {
        if (Date.now() >= endAt) {
            text.textContent = body.getAttribute('data-session-ended');
            button.hidden = true;
        } else {
            text.textContent = body.getAttribute('data-session-warning');
            button.hidden = false;
            timer = setTimeout(warn, endAt - Date.now());
        }
        banner.hidden = false;
    }
    button.addEventListener('click', function () {
        fetch(body.getAttribute('data-session-keepalive'), {method: 'POST', credentials: 'same-origin'})
            .then(function (r) { if (r.status === 204) { schedule(); } else { endAt = 0; warn(); } })
            .catch(function () { endAt = 0; warn(); });
    });
    schedule();
});

/*
 * The batch print's progress bar (widgetVar printProgress) and an export's (excelProgress) ask the server for their value only
 * after start(); PrimeFaces never starts an Ajax progress bar by itself. Started once the page's
 * widgets exist; on reaching 100 it fires "complete", which shows the download link.
 */
function startPrintProgress() {
    // the batch print's and a list's or statistic's workbook (excelProgress), which may share a page
    ['printProgress', 'excelProgress'].forEach(function (name) {
        var bar = window.PrimeFaces && PrimeFaces.widgets ? PrimeFaces.widgets[name] : null;
        if (bar && bar.cfg.ajax && !bar.progressPoll && document.getElementById(bar.id)) {
            bar.start();
        }
    });
}
if (window.jQuery) {
    // after every ready handler, PrimeFaces' widget creation among them
    jQuery(function () {
        setTimeout(startPrintProgress, 0);
    });
}

/*
 * The message centre's live count: the page's Faces WebSocket (channel "notices", the signed-in
 * user's own) says that his notices changed; the header's count and the page's list are drawn
 * again by the template's remote command. Also after the socket reconnects, nothing is lost: the
 * count is read from the server, not counted here.
 */
function xukeNoticeMessage() {
    if (typeof window.xukeNoticesChanged === 'function') {
        window.xukeNoticesChanged();
    }
}
