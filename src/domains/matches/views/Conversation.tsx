import type { ViewContext } from '../../../platform/views/context.ts'
import type { ConversationView } from '../conversation.service.ts'

/** The conversation of a match: the safety rules first, the messages, then the form to write. */
export function Conversation({ ctx: _ctx, view }: { ctx: ViewContext; view: ConversationView }) {
  return <section id="conversation" data-match={view.matchId} />
}
