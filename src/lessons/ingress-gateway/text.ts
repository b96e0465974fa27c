import type { LessonText } from '../types';

export const text: LessonText = {
  en: {
    summary:
      'How an HTTP request gets in at layer 7. An Ingress or a Gateway is only a declaration. A controller’s proxy, running as ordinary Pods, reads each request, picks a rule and opens a second connection to a backend Pod.',
    steps: {
      'client-leg': {
        title: 'The Gateway is a declaration; the proxy is a Pod',
        body: [
          'Gateway `default/shop` and HTTPRoute `default/shop` only say what should happen to requests for shop.example.com. Nothing in the kernel reads them. Envoy Gateway, the controller named by the GatewayClass, reads them. It runs an Envoy Deployment (here one Pod on node-2) behind a LoadBalancer Service of its own, and hands Envoy the routes as configuration.',
          'So the first part of the trip is layer 4, exactly as in the NodePort and LoadBalancer lesson: load balancer, a NodePort on node-2, kube-proxy’s DNAT. The request is not for api or web yet. It is for the proxy.',
        ],
        question: {
          prompt: 'kube-proxy on node-2 rewrites the destination here. Which address does the packet go to?',
          choices: {
            proxy: 'The Envoy proxy Pod: the Gateway’s own Service has only that endpoint',
            backend: 'api-1, the Pod that will answer /api/cart',
          },
          explain:
            'The proxy Pod. The load balancer and kube-proxy only know the proxy’s Service, and its endpoints are the Envoy Pods. The URL path has not been read by anyone yet: that happens inside the proxy.',
        },
      },
      decision: {
        title: 'Inside the proxy: which rule, and why',
        body: [
          'The TCP connection ends in the Envoy Pod. Envoy now reads the HTTP request: the host shop.example.com matches the route’s hostname, and the path /api/cart matches two rules, `/` (to web) and `/api` (to api).',
          'Gateway API settles ties by fixed precedence: among path matches the longest prefix wins, so rule 1 (`/api`) is chosen and the backend is Service api, port 80. This decision is the layer-7 part, and the kernel never sees it.',
        ],
        question: {
          prompt:
            'GET http://shop.example.com/api/cart matches both `/` and `/api`. Which rule does the proxy use?',
          choices: {
            api: 'Rule 1, `/api`, so Service api',
            web: 'Rule 0, `/`, so Service web (it is listed first)',
          },
          explain:
            'Rule 1. HTTPRoute precedence does not depend on the order the rules are written in: the longest matching path prefix wins, then more header matches, then more query matches. `/api` is longer than `/`.',
        },
      },
      'new-connection': {
        title: 'A new connection, from the proxy’s own address',
        body: [
          'The proxy does not forward the client’s packets. It opens a new TCP connection, with the proxy Pod’s IP as source and a Pod IP of Service api as destination. Envoy Gateway learns those Pod IPs from the EndpointSlices (ingress-nginx does the same).',
          'Because the destination is already a Pod IP, no ClusterIP rule matches and kube-proxy stays out of this connection. From here on it is plain Pod-to-Pod traffic, crossing from node-2 to node-1 through the overlay as in the cross-node lesson.',
        ],
        question: {
          prompt: 'Does kube-proxy translate anything on this second connection?',
          choices: {
            no: 'No: the proxy dials a backend Pod IP directly',
            yes: 'Yes: the proxy dials the ClusterIP of api and kube-proxy picks a Pod',
          },
          explain:
            'No. By default the proxy balances over the EndpointSlice addresses itself, so there is no DNAT on this connection. ingress-nginx can be told to dial the ClusterIP instead (`service-upstream: "true"`), and then kube-proxy would translate it.',
        },
      },
      'backend-sees': {
        title: 'What the backend sees',
        body: [
          'api-1 receives a connection from the proxy Pod, not from the client. The client’s address travels inside the request instead, in the `X-Forwarded-For` header the proxy adds.',
          'Envoy Gateway puts `externalTrafficPolicy: Local` on its Service, so the proxy saw the real client address (203.0.113.10) and can pass it on. With Cluster the proxy would have seen a node’s address, and that is what X-Forwarded-For would say.',
        ],
        question: {
          prompt: 'Which source address does api-1 see on the packet?',
          choices: {
            proxy: 'The proxy Pod’s IP; the client is in X-Forwarded-For',
            client: 'The client’s address, 203.0.113.10',
          },
          explain:
            'The proxy Pod’s IP. The connection api-1 accepts was opened by the proxy. An application that needs the client must read X-Forwarded-For (or the PROXY protocol, if configured), and should trust it only when it comes from the proxy.',
        },
      },
      portable: {
        title: 'Ingress and Gateway API',
        body: [
          'Ingress, the older API, only has hosts, paths and one backend per path. Anything more, such as redirects, header matches, rewrites or traffic splits, went into annotations, and each controller invented its own (`nginx.ingress.kubernetes.io/…`). The same Ingress then meant different things on different controllers.',
          'Gateway API puts those features in the spec: header and query matches, filters, weighted backends, and precedence rules that every conformant implementation applies in the same way. It also splits the roles. The platform team owns the GatewayClass and Gateway, and application teams attach their own HTTPRoutes. Either way the data path is the same: a proxy Pod, two connections.',
        ],
      },
    },
  },
  ja: {
    summary:
      'HTTP リクエストが L7 でクラスタに入る道筋です。Ingress や Gateway は宣言にすぎません。コントローラーのプロキシが普通の Pod として動き、リクエストを読んでルールを選び、バックエンドの Pod へ 2 本目の接続を張ります。',
    steps: {
      'client-leg': {
        title: 'Gateway は宣言、プロキシは Pod',
        body: [
          'Gateway `default/shop` と HTTPRoute `default/shop` は、shop.example.com へのリクエストをどう扱うかを書いているだけで、カーネルはこれを読みません。読むのは GatewayClass が指すコントローラー、Envoy Gateway です。Envoy Gateway は専用の LoadBalancer Service の後ろで Envoy の Deployment（ここでは node-2 上の Pod 1 つ）を動かし、ルートを設定として Envoy に渡します。',
          'そのため前半は L4 の話で、NodePort と LoadBalancer のレッスンとまったく同じです。ロードバランサー、node-2 の NodePort、kube-proxy の DNAT と進みます。この時点の宛先は api でも web でもなく、プロキシです。',
        ],
        question: {
          prompt: 'ここで node-2 の kube-proxy が宛先を書き換えます。パケットはどのアドレスへ向かいますか？',
          choices: {
            proxy: 'Envoy のプロキシ Pod（Gateway 専用の Service のエンドポイントはそれだけ）',
            backend: '/api/cart に応答する api-1',
          },
          explain:
            'プロキシ Pod です。ロードバランサーと kube-proxy が知っているのはプロキシの Service だけで、そのエンドポイントは Envoy の Pod です。URL のパスはまだ誰も読んでいません。読むのはプロキシの中です。',
        },
      },
      decision: {
        title: 'プロキシの中で：どのルールが、なぜ選ばれるか',
        body: [
          'TCP 接続は Envoy の Pod で終わります。ここで Envoy が HTTP リクエストを読みます。ホスト shop.example.com はルートの hostnames に一致し、パス /api/cart は `/`（web 行き）と `/api`（api 行き）の 2 つのルールに一致します。',
          'Gateway API では優先順位が決まっていて、パスの一致は最も長いプレフィックスが勝ちます。そのためルール 1（`/api`）が選ばれ、バックエンドは Service api のポート 80 になります。これが L7 の判断で、カーネルからは見えません。',
        ],
        question: {
          prompt:
            'GET http://shop.example.com/api/cart は `/` にも `/api` にも一致します。プロキシはどちらのルールを使いますか？',
          choices: {
            api: 'ルール 1 の `/api`、つまり Service api',
            web: 'ルール 0 の `/`、つまり Service web（先に書かれているから）',
          },
          explain:
            'ルール 1 です。HTTPRoute の優先順位は書いた順番では決まりません。一致したパスのプレフィックスが長いものが勝ち、次にヘッダー条件の多いもの、その次にクエリ条件の多いものが勝ちます。`/api` は `/` より長いプレフィックスです。',
        },
      },
      'new-connection': {
        title: 'プロキシ自身のアドレスから新しい接続',
        body: [
          'プロキシはクライアントのパケットを転送しません。新しい TCP 接続を張ります。送信元はプロキシ Pod の IP、宛先は Service api の Pod IP です。Envoy Gateway はこの Pod IP を EndpointSlice から知ります（ingress-nginx も同じです）。',
          '宛先が最初から Pod IP なので、ClusterIP のルールには一致せず、kube-proxy はこの接続に関わりません。ここから先はただの Pod 間通信で、ノード間のレッスンと同じく node-2 からオーバーレイを通って node-1 へ渡ります。',
        ],
        question: {
          prompt: 'この 2 本目の接続で、kube-proxy は何かを変換しますか？',
          choices: {
            no: 'しない。プロキシがバックエンドの Pod IP へ直接つなぐ',
            yes: 'する。プロキシが api の ClusterIP へつなぎ、kube-proxy が Pod を選ぶ',
          },
          explain:
            '変換しません。既定ではプロキシ自身が EndpointSlice のアドレスの間で負荷分散するので、この接続に DNAT はありません。ingress-nginx では `service-upstream: "true"` で ClusterIP につながせることもでき、その場合は kube-proxy が変換します。',
        },
      },
      'backend-sees': {
        title: 'バックエンドから見えるもの',
        body: [
          'api-1 が受け取るのはプロキシ Pod からの接続で、クライアントからの接続ではありません。クライアントのアドレスは、プロキシが付け足す `X-Forwarded-For` ヘッダーに入ってリクエストの中を運ばれます。',
          'Envoy Gateway は自分の Service に `externalTrafficPolicy: Local` を設定するので、プロキシには本当のクライアントのアドレス（203.0.113.10）が見えていて、それを伝えられます。Cluster だったら、プロキシに見えるのはノードのアドレスで、X-Forwarded-For にもそれが入ります。',
        ],
        question: {
          prompt: 'api-1 が受け取るパケットの送信元アドレスはどれですか？',
          choices: {
            proxy: 'プロキシ Pod の IP（クライアントは X-Forwarded-For に入っている）',
            client: 'クライアントのアドレス 203.0.113.10',
          },
          explain:
            'プロキシ Pod の IP です。api-1 が受け入れた接続を張ったのはプロキシだからです。クライアントのアドレスが必要なアプリは X-Forwarded-For（設定していれば PROXY プロトコル）を読みます。ただし、それを信用してよいのはプロキシから来たときだけです。',
        },
      },
      portable: {
        title: 'Ingress と Gateway API',
        body: [
          '古い API の Ingress で書けるのは、ホストとパス、そしてパスごとに 1 つのバックエンドだけです。リダイレクト、ヘッダーでの振り分け、書き換え、トラフィックの分割はアノテーションに書くしかなく、アノテーションはコントローラーごとに違いました（`nginx.ingress.kubernetes.io/…` など）。そのため同じ Ingress でも、コントローラーが変わると意味が変わりました。',
          'Gateway API ではそうした機能が spec に入っています。ヘッダーやクエリでの一致、フィルター、重み付きのバックエンド、そして適合した実装ならどれも同じように適用する優先順位です。役割も分かれていて、GatewayClass と Gateway はプラットフォームチームが持ち、アプリのチームは自分の HTTPRoute を付け加えます。どちらの API でもデータの通り道は同じで、プロキシ Pod があり、接続が 2 本あります。',
        ],
      },
    },
  },
};
