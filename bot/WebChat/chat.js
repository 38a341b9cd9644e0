// The chat page's only script (no inline script: the page's Content-Security-Policy forbids it). It starts Web Chat
// over the bot's own Direct Line, and keeps the conversation for this browser tab so a reload finds it again while
// its token lives.
(function () {
  'use strict';

  var root = document.getElementById('webchat');
  var directLineBase = window.location.origin + root.getAttribute('data-direct-line');
  var tokenAddress = root.getAttribute('data-token-address');
  var storageKey = 'summitbot.conversation';

  // The article list sits open beside the chat on a wide screen; on a phone it stays folded under it.
  var articles = document.getElementById('articles');
  if (articles && window.matchMedia('(min-width: 60rem)').matches) {
    articles.open = true;
  }

  function status(text, retry) {
    root.textContent = '';
    var p = document.createElement('p');
    p.className = 'status';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    root.appendChild(p);
    if (retry) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Start a new conversation';
      button.addEventListener('click', function () {
        forget();
        window.location.reload();
      });
      root.appendChild(button);
    }
  }

  function remembered() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return saved && saved.token && saved.conversationId && saved.userId && saved.expiresAt > Date.now() + 30000 ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function remember(session) {
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(session));
    } catch (e) {
      // Private windows may refuse storage: the chat still works, a reload just starts afresh.
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(storageKey);
    } catch (e) {
      // Nothing was kept.
    }
  }

  function post(address, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    return window.fetch(address, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        var wait = response.headers.get('Retry-After');
        throw new Error(response.status === 429 && wait ? 'Too many new chats from here; try again in ' + wait + ' seconds.' : 'The bot did not start a chat (' + response.status + ').');
      }
      return response.json();
    });
  }

  function newUserId() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    // Not 'dl_': Web Chat keeps that prefix for ids bound into the token by Azure's Direct Line.
    return 'visitor-' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // A remembered conversation is resumed with a refreshed token; otherwise, or if that fails, a new one starts.
  function session() {
    var saved = remembered();
    var fresh = function () {
      return post(tokenAddress).then(function (t) {
        return { token: t.token, conversationId: t.conversationId, expiresIn: t.expires_in, userId: newUserId(), resumed: false };
      });
    };
    if (!saved) {
      return fresh();
    }
    return post(directLineBase + '/tokens/refresh', saved.token).then(function (t) {
      return { token: t.token, conversationId: t.conversationId, expiresIn: t.expires_in, userId: saved.userId, resumed: true };
    }, fresh);
  }

  if (!window.WebChat) {
    status('The chat could not load (the Web Chat script is missing). The articles are listed below.');
    return;
  }

  session().then(function (s) {
    var keep = function (token) {
      remember({ token: token, conversationId: s.conversationId, userId: s.userId, expiresAt: Date.now() + s.expiresIn * 1000 });
    };
    keep(s.token);

    var directLine = window.WebChat.createDirectLine({
      token: s.token,
      domain: directLineBase,
      conversationId: s.resumed ? s.conversationId : undefined,
      webSocket: true
    });

    // Direct Line refreshes its token every 15 minutes; the newest is the one a reload must resume with.
    window.addEventListener('pagehide', function () {
      if (directLine.token) {
        keep(directLine.token);
      }
    });
    directLine.connectionStatus$.subscribe(function (state) {
      // 3: the token expired; 4: the connection failed for good.
      if (state === 3 || state === 4) {
        forget();
        status('The chat lost its connection to the bot.', true);
      }
    });

    root.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: s.userId,
        username: 'You',
        locale: 'en-US',
        nonce: root.getAttribute('data-style-nonce'),
        styleOptions: {
          hideUploadButton: true,
          bubbleMaxWidth: 720,
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true
        }
      },
      root
    );
    var input = root.querySelector('input, textarea');
    if (input) {
      input.focus();
    }
  }, function (error) {
    status(error.message || 'The chat could not start.', true);
  });
})();
