/**
 * Strings of the preset picker and the large-cluster overview, in English and Japanese. Spread
 * into the main dictionaries in messages.ts. Preset keys follow `PresetEntry.titleKey` in
 * scenario/presets/registry.ts (`presets.<id>.title` and `presets.<id>.summary`).
 */
export const presetsEn = {
  'presets.heading': 'Preset',
  'presets.label': 'Scenario preset',
  'presets.group.scale': 'Cluster sizes',
  'presets.group.teaching': 'One idea each',
  'presets.load': 'Load',
  'presets.loading': 'Building {name} in the simulator…',
  'presets.loaded': 'Loaded {name}.',
  'presets.size': '{nodes} nodes · {pods} Pods · {services} Services',
  'presets.s.title': 'S: small cluster (3 nodes)',
  'presets.s.summary': 'Three nodes, a client, a frontend and a backend with Services. The first screen.',
  'presets.m.title': 'M: 10 nodes, 100 Pods',
  'presets.m.summary': 'Three-tier apps across ten nodes with their Services and NetworkPolicies.',
  'presets.l.title': 'L: 100 nodes, 10,000 Pods',
  'presets.l.summary': 'A large cluster, built in the simulator and drawn as an overview of nodes.',
  'presets.xl.title': 'XL: 5,000 nodes, 150,000 Pods',
  'presets.xl.summary':
    'The Kubernetes scalability envelope: 5,000 nodes, 150,000 Pods, 10,000 Services and policies.',
  'presets.same-node.title': 'Two Pods on one node',
  'presets.same-node.summary': 'The packet goes through the node’s bridge and never leaves the node.',
  'presets.cross-node-overlay.title': 'Across nodes: VXLAN overlay',
  'presets.cross-node-overlay.summary':
    'The Pod packet is wrapped in a UDP packet between the Node IPs (like Flannel VXLAN).',
  'presets.cross-node-routing.title': 'Across nodes: routing',
  'presets.cross-node-routing.summary':
    'Each node routes the other’s Pod CIDR; Pod IPs stay on the wire (like Calico BGP).',
  'presets.service.title': 'A ClusterIP Service',
  'presets.service.summary': 'The client’s own node rewrites the Service IP to one backend Pod (DNAT).',
  'presets.nodeport.title': 'A NodePort from outside',
  'presets.nodeport.summary':
    'An outside client reaches a node’s port 30080 and is sent to the Pod on the other node.',
  'presets.policy.title': 'NetworkPolicy: default deny',
  'presets.policy.summary': 'Ingress is denied by default; frontend → db is dropped at db’s veth.',
  'presets.lb-local.title': 'LoadBalancer, externalTrafficPolicy: Local',
  'presets.gateway.title': 'Gateway API: a Gateway, its Envoy Pod and two Services',
  'presets.gateway.summary':
    'GET http://shop.example.com/api/cart reaches the Envoy Pod, which opens a new connection to api-1.',
  'presets.lb-local.summary':
    'Only the node running the Pod takes the traffic, and the Pod sees the client’s own address.',
  'presets.policy-service.title': 'NetworkPolicy behind a Service',
  'presets.policy-service.summary':
    'The Service address is translated on the client’s node, and db’s veth still drops the packet.',

  'overview.heading': 'Cluster overview',
  'overview.summary': '{nodes} nodes · {pods} Pods · {services} Services, all drawn below.',
  'overview.hint':
    'Each square is a node, darker for more Pods. Click one, or search a Pod, to draw it in detail.',
  'overview.zone': 'Zone {zone}',
  'overview.noZone': 'No zone label',
  'overview.zoneCount': '{nodes} nodes · {pods} Pods',
  'overview.pods': '{n} Pods',
  'overview.back': 'Back to the overview',
  'overview.drilled': 'Drawn in detail: {nodes}. The other {rest} nodes are in the overview.',
  'overview.map':
    'Map of {nodes} nodes. Arrow keys move between nodes, Enter opens one, + and − zoom, 0 fits the map.',
  'overview.cursor': '{node} · {zone} · {pods} Pods',
  'overview.cursorPath': '{node} · {zone} · {pods} Pods · on the traced path',
  'overview.cursorNone': 'Point at a node, or focus the map and use the arrow keys.',
  'overview.legend': 'Pods per node',
  'overview.legendPath': 'on the traced path',
  'overview.search': 'Find a Pod or node',
  'overview.searchHint': 'Type part of a name, e.g. {example}. Pick a suggestion to open its node.',
  'overview.searchNone': 'Nothing matches “{q}”.',
  'overview.searchCount': '{n} suggestions. Use the up and down arrows, Enter to open.',
  'overview.onNode': 'Pod on {node}',
  'overview.isNode': 'node',
  'overview.find': 'Trace between two Pods by name',
  'overview.findHint': 'Type NS/POD, e.g. {example}. The nodes they run on are drawn in detail.',
  'overview.from': 'From Pod',
  'overview.to': 'To Pod',
  'overview.go': 'Show and trace',
  'overview.notFound': 'No such Pod: {keys}',
} as const;

export const presetsJa: Record<keyof typeof presetsEn, string> = {
  'presets.heading': 'プリセット',
  'presets.label': 'シナリオのプリセット',
  'presets.group.scale': 'クラスタの規模',
  'presets.group.teaching': '1 つずつ学ぶ',
  'presets.load': '読み込む',
  'presets.loading': 'シミュレータで {name} を構築しています…',
  'presets.loaded': '{name} を読み込みました。',
  'presets.size': 'ノード {nodes} · Pod {pods} · Service {services}',
  'presets.s.title': 'S: 小さなクラスタ (3 ノード)',
  'presets.s.summary': '3 ノードに client・frontend・backend と Service。最初の画面です。',
  'presets.m.title': 'M: 10 ノード、100 Pod',
  'presets.m.summary': '10 ノードに 3 層アプリ、その Service と NetworkPolicy。',
  'presets.l.title': 'L: 100 ノード、10,000 Pod',
  'presets.l.summary': 'シミュレータ内で構築し、ノードの一覧 (概観) として描く大規模クラスタ。',
  'presets.xl.title': 'XL: 5,000 ノード、150,000 Pod',
  'presets.xl.summary':
    'Kubernetes のスケーラビリティ上限: 5,000 ノード、150,000 Pod、Service とポリシー各 10,000。',
  'presets.same-node.title': '同じノード上の 2 つの Pod',
  'presets.same-node.summary': 'パケットはノードのブリッジを通り、ノードの外には出ません。',
  'presets.cross-node-overlay.title': 'ノード間: VXLAN オーバーレイ',
  'presets.cross-node-overlay.summary':
    'Pod のパケットをノード IP 間の UDP パケットで包みます (Flannel VXLAN に相当)。',
  'presets.cross-node-routing.title': 'ノード間: ルーティング',
  'presets.cross-node-routing.summary':
    '各ノードが相手の Pod CIDR への経路を持ち、Pod IP のまま転送します (Calico BGP に相当)。',
  'presets.service.title': 'ClusterIP Service',
  'presets.service.summary':
    'クライアント自身のノードが Service IP をバックエンド Pod の IP に書き換えます (DNAT)。',
  'presets.nodeport.title': '外部からの NodePort',
  'presets.nodeport.summary':
    '外部クライアントがノードのポート 30080 に届き、別ノードの Pod へ転送されます。',
  'presets.policy.title': 'NetworkPolicy: デフォルト拒否',
  'presets.policy.summary': '受信はデフォルトで拒否。frontend → db は db 側の veth で破棄されます。',
  'presets.lb-local.title': 'LoadBalancer（externalTrafficPolicy: Local）',
  'presets.gateway.title': 'Gateway API：Gateway と Envoy の Pod、2 つの Service',
  'presets.gateway.summary':
    'GET http://shop.example.com/api/cart は Envoy の Pod に届き、Envoy が api-1 へ新しい接続を張ります。',
  'presets.lb-local.summary':
    'Pod が動いているノードだけが通信を受け、Pod にはクライアント自身のアドレスが見えます。',
  'presets.policy-service.title': 'Service の奥の NetworkPolicy',
  'presets.policy-service.summary':
    'Service のアドレスはクライアント側のノードで変換され、それでも db の veth でパケットは破棄されます。',

  'overview.heading': 'クラスタの概観',
  'overview.summary': 'ノード {nodes} · Pod {pods} · Service {services}。すべて下に描いています。',
  'overview.hint':
    '四角 1 つが 1 ノードで、Pod が多いほど濃くなります。クリックするか Pod を検索すると詳しく描きます。',
  'overview.zone': 'ゾーン {zone}',
  'overview.noZone': 'ゾーンのラベルなし',
  'overview.zoneCount': 'ノード {nodes} · Pod {pods}',
  'overview.pods': 'Pod {n}',
  'overview.back': '概観に戻る',
  'overview.drilled': '詳細表示中: {nodes}。残り {rest} ノードは概観にあります。',
  'overview.map':
    '{nodes} ノードの地図。矢印キーでノードを移動、Enter で開く、+ と − で拡大縮小、0 で全体表示。',
  'overview.cursor': '{node} · {zone} · Pod {pods}',
  'overview.cursorPath': '{node} · {zone} · Pod {pods} · トレース経路上',
  'overview.cursorNone': 'ノードにポインタを合わせるか、地図にフォーカスして矢印キーを使ってください。',
  'overview.legend': 'ノードあたりの Pod 数',
  'overview.legendPath': 'トレース経路上',
  'overview.search': 'Pod またはノードを検索',
  'overview.searchHint': '名前の一部を入力 (例: {example})。候補を選ぶとそのノードを開きます。',
  'overview.searchNone': '「{q}」に一致するものはありません。',
  'overview.searchCount': '候補 {n} 件。上下の矢印キーで選び、Enter で開きます。',
  'overview.onNode': '{node} 上の Pod',
  'overview.isNode': 'ノード',
  'overview.find': 'Pod 名を指定してトレース',
  'overview.findHint': 'NS/POD の形で入力 (例: {example})。Pod が動くノードを詳しく描きます。',
  'overview.from': '送信元 Pod',
  'overview.to': '宛先 Pod',
  'overview.go': '表示してトレース',
  'overview.notFound': 'その Pod はありません: {keys}',
};
