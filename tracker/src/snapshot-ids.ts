/**
 * A full snapshot's JSON without the node ids the server can work out. rrweb numbers a snapshot's
 * nodes one after another in document order, with gaps where it skipped a node; a node's id is left
 * out when it is the one after the previous node's, and data.ids carries the first, so the server
 * numbers the nodes again (server: sanitize/NodeIds): about a sixth of a snapshot's gzip'd bytes.
 * The event is copied, not changed: rrweb's mirror keeps the very node objects and reads their ids.
 * Inside JSON strings every quote is escaped, so the pattern only meets the nodes' own "id" keys.
 */
export function snapshotJson(e: any): string {
  const implied = new Set<number>()
  let last = e.data.node.id - 1
  const walk = (n: any) => {
    if (n.id == last + 1) implied.add(n.id)
    last = n.id
    n.childNodes?.forEach(walk)
  }
  walk(e.data.node)
  return JSON.stringify({ ...e, data: { ids: e.data.node.id, ...e.data } })
    .replace(/,"id":(\d+)/g, (m, id) => (implied.has(+id) ? '' : m))
}
