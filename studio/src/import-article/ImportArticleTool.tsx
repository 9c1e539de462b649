// The tool's page: the article in (pasted text or HTML, or a dropped file), the proposed drafts
// out (new or adding to an existing document, guessed fields by title), the documents they were
// matched to, and one button that creates every draft in one transaction. Nothing is published.
import {Badge, Box, Button, Card, Container, Flex, Heading, Stack, Text, TextArea, TextInput} from '@sanity/ui'
import type {ImportError, MatchedDocument, Proposal, ProposedDocument, ProposedStatus} from '@spotter/importer'
import {guessedFieldTitle} from '@spotter/schemas'
import type {DragEvent} from 'react'
import {useClient, useSchema} from 'sanity'
import {IntentLink} from 'sanity/router'
import {API_VERSION, createDrafts, propose} from './run-import.ts'
import {toolState, updateToolState, useToolState, type Input, type ToolState} from './tool-state.ts'

const STATUS: Record<ProposedStatus, {label: string; tone: 'positive' | 'primary' | 'caution'; hint: string}> = {
  new: {label: 'New', tone: 'positive', hint: 'a new document, as a draft'},
  'adds-to-published': {
    label: 'Adds to existing',
    tone: 'primary',
    hint: 'a draft of a published document, with this article’s facts added',
  },
  'replaces-draft': {label: 'Updates draft', tone: 'caution', hint: 'replaces a draft that exists (an earlier import of this article)'},
}

const message = (error: unknown) => ((error as ImportError | Error)?.message ?? String(error)).trim()

export function ImportArticleTool() {
  const client = useClient({apiVersion: API_VERSION})
  const schema = useSchema()
  const {input, source, state} = useToolState()
  const setState = (next: ToolState['state']) => updateToolState({state: next})
  const typeTitle = (type: string) => schema.get(type)?.title ?? type
  const proposal = 'proposal' in state ? state.proposal : undefined

  const edit = (next: Input, nextSource = source) => {
    updateToolState({input: next, source: nextSource, state: {step: 'edit'}})
  }
  const read = async () => {
    setState({step: 'reading'})
    try {
      const bytes = input.kind === 'file' ? input.bytes : new TextEncoder().encode(input.text)
      const proposal = await propose(client, {bytes, source})
      // An edit while the article was read makes this result stale.
      if (toolState().input === input && toolState().source === source) setState({step: 'proposed', proposal})
    } catch (error) {
      if (toolState().input === input && toolState().source === source) setState({step: 'failed', message: message(error)})
    }
  }
  const create = async (proposal: Proposal) => {
    setState({step: 'writing', proposal})
    try {
      setState({step: 'written', proposal, transactionId: await createDrafts(client, proposal)})
    } catch (error) {
      setState({step: 'failed', message: `The drafts were not created: ${message(error)}`, proposal})
    }
  }
  const drop = async (event: DragEvent) => {
    event.preventDefault()
    const file = event.dataTransfer.files[0]
    if (file) edit({kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer())}, file.name)
  }

  return (
    <Card height="fill" overflow="auto" tone="transparent">
      <Container width={3} padding={4}>
        <Stack gap={5}>
          <Stack gap={3}>
            <Heading as="h1" size={2}>
              Import article
            </Heading>
            <Text muted size={1}>
              Paste a legacy article (HTML, Markdown or plain text) or drop its file. The importer proposes drafts; nothing is written until
              you create them, and nothing is published.
            </Text>
          </Stack>

          <Card padding={3} radius={2} border onDragOver={(e: DragEvent) => e.preventDefault()} onDrop={drop} data-testid="import-input">
            <Stack gap={3}>
              {input.kind === 'file' ? (
                <Flex align="center" gap={3}>
                  <Text size={1} data-testid="import-file">
                    File: {input.name} ({input.bytes.length.toLocaleString()} bytes)
                  </Text>
                  <Button mode="bleed" fontSize={1} text="Paste text instead" onClick={() => edit({kind: 'text', text: ''}, '')} />
                </Flex>
              ) : (
                <TextArea
                  aria-label="Article text or HTML"
                  placeholder="Paste the article here, or drop a file on this box"
                  rows={12}
                  fontSize={1}
                  value={input.text}
                  onChange={(e) => edit({kind: 'text', text: e.currentTarget.value})}
                />
              )}
              <Stack gap={2}>
                <Text size={1} weight="medium">
                  Source
                </Text>
                <TextInput
                  aria-label="Source"
                  fontSize={1}
                  placeholder="Where the article comes from (address or file name); blank: its title"
                  value={source}
                  onChange={(e) => edit(input, e.currentTarget.value)}
                />
                <Text size={1} muted>
                  Drafts are named after the source: importing the same source again updates the same drafts.
                </Text>
              </Stack>
              <Flex>
                <Button
                  tone="primary"
                  text={state.step === 'reading' ? 'Reading…' : 'Read article'}
                  disabled={state.step === 'reading' || state.step === 'writing'}
                  onClick={read}
                />
              </Flex>
            </Stack>
          </Card>

          {state.step === 'failed' && (
            <Card padding={3} radius={2} tone="critical" border data-testid="import-error" role="alert">
              <Text size={1}>{state.message}</Text>
            </Card>
          )}

          {proposal && (
            <ProposalView
              proposal={proposal}
              typeTitle={typeTitle}
              guessedTitle={(type, path) => {
                const schemaType = schema.get(type)
                return schemaType ? guessedFieldTitle(schemaType as never, path) : path
              }}
            />
          )}

          {proposal && state.step !== 'written' && (
            <Flex gap={3} align="center">
              <Button
                tone="positive"
                text={state.step === 'writing' ? 'Creating drafts…' : `Create ${proposal.drafts.length} drafts`}
                disabled={state.step === 'writing'}
                onClick={() => create(proposal)}
                data-testid="import-create"
              />
              <Text size={1} muted>
                One transaction; editors review and publish each draft.
              </Text>
            </Flex>
          )}

          {state.step === 'written' && (
            <Card padding={3} radius={2} tone="positive" border data-testid="import-done">
              <Stack gap={3}>
                <Text size={1} weight="medium">
                  Created {state.proposal.drafts.length} drafts (transaction {state.transactionId}). Open one to review it:
                </Text>
                {state.proposal.documents.map((doc) => (
                  <Text size={1} key={doc._id}>
                    <IntentLink intent="edit" params={{id: doc._id.replace(/^drafts\./, ''), type: doc._type}}>
                      {typeTitle(doc._type)}: {doc.title}
                    </IntentLink>
                  </Text>
                ))}
              </Stack>
            </Card>
          )}
        </Stack>
      </Container>
    </Card>
  )
}

function ProposalView(props: {
  proposal: Proposal
  typeTitle: (type: string) => string
  guessedTitle: (type: string, path: string) => string
}) {
  const {proposal, typeTitle, guessedTitle} = props
  return (
    <Stack gap={4} data-testid="import-proposal">
      <Text size={1} muted>
        Source: {proposal.source}
      </Text>
      <Stack gap={2}>
        <Heading as="h2" size={1}>
          Drafts to create ({proposal.documents.length})
        </Heading>
        {proposal.documents.map((doc) => (
          <ProposedRow key={doc._id} doc={doc} typeTitle={typeTitle} guessedTitle={guessedTitle} />
        ))}
      </Stack>
      <Stack gap={2}>
        <Heading as="h2" size={1}>
          Matched to existing documents ({proposal.matched.length})
        </Heading>
        {proposal.matched.length === 0 && (
          <Text size={1} muted>
            None: every document the article names is new.
          </Text>
        )}
        {proposal.matched.map((doc) => (
          <MatchedRow key={doc._id} doc={doc} typeTitle={typeTitle} />
        ))}
      </Stack>
    </Stack>
  )
}

function ProposedRow({
  doc,
  typeTitle,
  guessedTitle,
}: {
  doc: ProposedDocument
  typeTitle: (type: string) => string
  guessedTitle: (type: string, path: string) => string
}) {
  const status = STATUS[doc.status]
  return (
    <Card padding={3} radius={2} border data-testid="import-proposed" data-status={doc.status} data-type={doc._type}>
      <Stack gap={3}>
        <Flex gap={2} align="center">
          <Badge tone={status.tone} title={status.hint}>
            {status.label}
          </Badge>
          <Text size={1} muted>
            {typeTitle(doc._type)}
          </Text>
          <Box flex={1}>
            <Text size={1} weight="medium" textOverflow="ellipsis">
              {doc.title}
            </Text>
          </Box>
        </Flex>
        {doc.guessedFields.length > 0 && (
          <Text size={1} muted>
            Guessed, to review: {doc.guessedFields.map((path) => guessedTitle(doc._type, path)).join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function MatchedRow({doc, typeTitle}: {doc: MatchedDocument; typeTitle: (type: string) => string}) {
  return (
    <Card padding={3} radius={2} border tone="transparent" data-testid="import-matched" data-type={doc._type}>
      <Flex gap={2} align="center">
        <Badge tone="neutral">Existing</Badge>
        <Text size={1} muted>
          {typeTitle(doc._type)}
        </Text>
        <Text size={1} weight="medium">
          <IntentLink intent="edit" params={{id: doc._id, type: doc._type}}>
            {doc.title}
          </IntentLink>
        </Text>
      </Flex>
    </Card>
  )
}
