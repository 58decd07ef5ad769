/**
 * A bipartite b-matching of maximum weight: each left node takes at most one edge, each right node
 * at most its capacity. Edges come as parallel arrays so that a problem crosses to the solver's
 * thread as a few transferable buffers.
 */
export interface BMatchingProblem {
  leftCount: number
  rightCount: number
  /** edge e joins left[e] and right[e] with weight[e], a whole number (scaled by the caller) */
  left: Int32Array
  right: Int32Array
  weight: Float64Array
  capacity: Int32Array
}

/**
 * The exact optimum by successive shortest paths (the Hungarian method, one left node at a time).
 * As a min-cost flow: every left node sends one unit either to a right node (cost M − weight) or
 * to « nobody » (cost M, with M the largest weight), so every cost is ≥ 0 and the cheapest flow is
 * the heaviest matching. Adding left node k, the shortest augmenting path in the residual graph
 * (Dijkstra on reduced costs, node potentials keeping them ≥ 0) keeps the flow optimal for the
 * first k nodes; after the last, no negative cycle is left, which is optimality. Dijkstra stops as
 * soon as it reaches the sink, so a node whose best volunteer is free costs a handful of steps.
 * Weights are whole numbers, so every sum is exact in a double and ties are real ties.
 * Returns the indexes of the chosen edges, ascending.
 */
export function maxWeightBMatching(problem: BMatchingProblem): Int32Array {
  const { leftCount: L, rightCount: R, left, right, weight, capacity } = problem
  const E = left.length
  let M = 0
  for (let e = 0; e < E; e++) if (weight[e]! > M) M = weight[e]!
  // Each left node's edges, contiguous (CSR).
  const start = new Int32Array(L + 1)
  for (let e = 0; e < E; e++) start[left[e]! + 1] = start[left[e]! + 1]! + 1
  for (let i = 0; i < L; i++) start[i + 1] = start[i + 1]! + start[i]!
  const edges = new Int32Array(E)
  const fill = start.slice(0, L)
  for (let e = 0; e < E; e++) edges[fill[left[e]!]!++] = e
  // Node n < L is a left node, n ≥ L the right node n − L; the sink is implicit, its potential 0.
  const N = L + R
  const potential = new Float64Array(N)
  const matchedEdge = new Int32Array(L).fill(-1)
  // The edges matched at each right node, a linked list through the edges (chains are ≤ capacity).
  const firstAt = new Int32Array(R).fill(-1)
  const nextAt = new Int32Array(E).fill(-1)
  const load = new Int32Array(R)
  const distance = new Float64Array(N).fill(Number.POSITIVE_INFINITY)
  const viaEdge = new Int32Array(N).fill(-1)
  const settled = new Uint8Array(N)
  const touched = new Int32Array(N)
  const heap = new MinHeap(N, distance)

  const unlink = (r: number, e: number) => {
    let prev = -1
    for (let x = firstAt[r]!; x !== -1; prev = x, x = nextAt[x]!) {
      if (x !== e) continue
      if (prev === -1) firstAt[r] = nextAt[x]!
      else nextAt[prev] = nextAt[x]!
      return
    }
  }
  const link = (r: number, e: number) => {
    nextAt[e] = firstAt[r]!
    firstAt[r] = e
  }

  for (let source = 0; source < L; source++) {
    if (start[source] === start[source + 1]) continue
    // The new node's potential makes its own edges' reduced costs ≥ 0 (« nobody » included).
    let p = -M
    for (let k = start[source]!; k < start[source + 1]!; k++) {
      const e = edges[k]!
      const candidate = potential[L + right[e]!]! - (M - weight[e]!)
      if (candidate > p) p = candidate
    }
    potential[source] = p
    let touchedCount = 0
    let sinkDistance = Number.POSITIVE_INFINITY
    let sinkFrom = -1 // the node whose edge to the sink ends the shortest path
    distance[source] = 0
    touched[touchedCount++] = source
    heap.push(source)
    while (heap.size > 0) {
      const u = heap.pop()
      const du = distance[u]!
      if (du >= sinkDistance) break
      settled[u] = 1
      if (u < L) {
        // to « nobody »: the source is not matched yet, any other left node is reached through its match
        const viaNobody = du + M + potential[u]!
        if (viaNobody < sinkDistance) {
          sinkDistance = viaNobody
          sinkFrom = u
        }
        for (let k = start[u]!; k < start[u + 1]!; k++) {
          const e = edges[k]!
          if (e === matchedEdge[u]) continue
          const v = L + right[e]!
          if (settled[v]) continue
          const d = du + (M - weight[e]!) + potential[u]! - potential[v]!
          if (d < distance[v]!) {
            if (distance[v] === Number.POSITIVE_INFINITY) touched[touchedCount++] = v
            distance[v] = d
            viaEdge[v] = e
            heap.pushOrDecrease(v)
          }
        }
      } else {
        const r = u - L
        if (load[r]! < capacity[r]!) {
          const viaFree = du + potential[u]!
          if (viaFree < sinkDistance) {
            sinkDistance = viaFree
            sinkFrom = u
          }
        }
        for (let e = firstAt[r]!; e !== -1; e = nextAt[e]!) {
          const a = left[e]!
          if (settled[a]) continue
          const d = du - (M - weight[e]!) + potential[u]! - potential[a]!
          if (d < distance[a]!) {
            if (distance[a] === Number.POSITIVE_INFINITY) touched[touchedCount++] = a
            distance[a] = d
            viaEdge[a] = e
            heap.pushOrDecrease(a)
          }
        }
      }
    }
    // Potentials of the settled nodes move by their distance, less the sink's (the shift keeps the others).
    for (let t = 0; t < touchedCount; t++) {
      const n = touched[t]!
      if (settled[n]) potential[n]! += distance[n]! - sinkDistance
    }
    // Augment backwards from the sink: a left node's new edge, a right node giving up one of its edges.
    let n = sinkFrom
    if (n < L) {
      // this left node goes to « nobody »: it gives up its right node, which the path reached it from
      const e = matchedEdge[n]!
      if (e !== -1) {
        unlink(right[e]!, e)
        matchedEdge[n] = -1
        n = L + right[e]!
      } else n = -1
    } else load[n - L]!++
    while (n !== -1) {
      // n is a right node gaining edge viaEdge[n] from left node a
      const e = viaEdge[n]!
      const a = left[e]!
      const previous = matchedEdge[a]!
      link(right[e]!, e)
      matchedEdge[a] = e
      if (a === source) break
      // a left its previous right node, which is where the path came from
      unlink(right[previous]!, previous)
      n = L + right[previous]!
    }
    for (let t = 0; t < touchedCount; t++) {
      const m = touched[t]!
      distance[m] = Number.POSITIVE_INFINITY
      settled[m] = 0
      viaEdge[m] = -1
    }
    heap.clear()
  }
  const chosen: number[] = []
  for (let a = 0; a < L; a++) if (matchedEdge[a] !== -1) chosen.push(matchedEdge[a]!)
  return Int32Array.from(chosen.sort((x, y) => x - y))
}

/** A binary heap of node numbers keyed by `key[node]`, with the position of each node to decrease it. */
class MinHeap {
  private readonly items: Int32Array
  private readonly position: Int32Array
  private readonly key: Float64Array
  size = 0
  constructor(capacity: number, key: Float64Array) {
    this.key = key
    this.items = new Int32Array(capacity)
    this.position = new Int32Array(capacity).fill(-1)
  }
  push(node: number) {
    this.position[node] = this.size
    this.items[this.size++] = node
    this.up(this.size - 1)
  }
  pushOrDecrease(node: number) {
    const at = this.position[node]!
    if (at === -1) this.push(node)
    else this.up(at)
  }
  pop(): number {
    const top = this.items[0]!
    this.position[top] = -1
    const last = this.items[--this.size]!
    if (this.size > 0) {
      this.items[0] = last
      this.position[last] = 0
      this.down(0)
    }
    return top
  }
  clear() {
    for (let i = 0; i < this.size; i++) this.position[this.items[i]!] = -1
    this.size = 0
  }
  private up(i: number) {
    const { items, position } = this
    const key = this.key
    const node = items[i]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (key[items[parent]!]! <= key[node]!) break
      items[i] = items[parent]!
      position[items[i]!] = i
      i = parent
    }
    items[i] = node
    position[node] = i
  }
  private down(i: number) {
    const { items, position, size } = this
    const key = this.key
    const node = items[i]!
    for (;;) {
      let child = 2 * i + 1
      if (child >= size) break
      if (child + 1 < size && key[items[child + 1]!]! < key[items[child]!]!) child++
      if (key[items[child]!]! >= key[node]!) break
      items[i] = items[child]!
      position[items[i]!] = i
      i = child
    }
    items[i] = node
    position[node] = i
  }
}
