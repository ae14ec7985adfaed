/**
 * A full snapshot's JSON without its node ids. rrweb numbers a snapshot's nodes one after another in
 * document order; when every node follows that rule, the ids are left out (about a sixth of a
 * snapshot's gzip'd bytes) and data.ids carries the first one, from which the server numbers the
 * nodes again (server: sanitize/NodeIds). Otherwise the snapshot goes as it is. The event is copied,
 * not changed: rrweb's mirror keeps the very node objects and reads their ids.
 * Inside JSON strings every quote is escaped, so the pattern only meets the nodes' own "id" keys.
 */
export function snapshotJson(e: any): string {
  const first = e.data.node.id
  let next = first
  const inOrder = (n: any): boolean => n.id == next++ && (n.childNodes || []).every(inOrder)
  return inOrder(e.data.node)
    ? JSON.stringify({ ...e, data: { ids: first, ...e.data } }).replace(/,"id":\d+/g, '')
    : JSON.stringify(e)
}
