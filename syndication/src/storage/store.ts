// The service's state, one part per concern, each behind its own small interface: secrets,
// publisher keys, partners, the feed (item versions and each partner's latest state per item),
// the delivery queue and log, and inbound calls already processed. Every part works on one
// SqlDriver, so SQLite and PostgreSQL behave the same by construction, and the same contract
// tests run against both.
import {DeliveryStore, deliveryTables} from './deliveries.ts'
import type {SqlDriver} from './driver.ts'
import {FEED_TABLES, FeedStore} from './feed.ts'
import {INBOUND_TABLES, InboundCallStore} from './inbound-calls.ts'
import {PARTNER_TABLES, PartnerStore} from './partners.ts'
import {openPostgres} from './postgres.ts'
import {PUBLISHER_KEY_TABLES, PublisherKeyStore} from './publisher-keys.ts'
import {SECRET_TABLES, SecretStore} from './secrets.ts'
import {openSqlite} from './sqlite.ts'

export {ConflictError} from './partners.ts'
export type {ApplyInput, FeedChange, ItemState} from './feed.ts'
export type {DeliveryStore} from './deliveries.ts'
export type {FeedStore} from './feed.ts'
export type {InboundCallStore} from './inbound-calls.ts'
export type {PartnerStore} from './partners.ts'
export type {PublisherKeyStore} from './publisher-keys.ts'
export type {SecretStore} from './secrets.ts'

export type StorageConfig = {kind: 'sqlite'; path: string} | {kind: 'postgres'; url: string}

export class SyndicationStore {
  readonly driver: SqlDriver
  readonly secrets: SecretStore
  readonly publisherKeys: PublisherKeyStore
  readonly partners: PartnerStore
  readonly feed: FeedStore
  readonly deliveries: DeliveryStore
  readonly inbound: InboundCallStore

  constructor(driver: SqlDriver) {
    this.driver = driver
    this.secrets = new SecretStore(driver)
    this.publisherKeys = new PublisherKeyStore(driver)
    this.deliveries = new DeliveryStore(driver)
    // A removed partner loses its feed state and queued deliveries; its delivery log stays.
    this.partners = new PartnerStore(driver, async (tx, partnerId) => {
      await this.feed.forgetPartner(tx, partnerId)
      await this.deliveries.failPending(tx, partnerId, 'partner removed')
    })
    this.feed = new FeedStore(driver, this.partners, this.deliveries)
    this.inbound = new InboundCallStore(driver)
  }

  static async open(config: StorageConfig): Promise<SyndicationStore> {
    const store = new SyndicationStore(config.kind === 'sqlite' ? openSqlite(config.path) : openPostgres(config.url))
    await store.init()
    return store
  }

  /** Creates every part's tables (idempotent), in one transaction. */
  async init(): Promise<void> {
    const statements = [
      ...SECRET_TABLES,
      ...PUBLISHER_KEY_TABLES,
      ...PARTNER_TABLES,
      ...FEED_TABLES,
      ...deliveryTables(this.driver.autoId),
      ...INBOUND_TABLES,
    ]
    await this.driver.transaction(async (tx) => {
      for (const sql of statements) await tx.run(sql)
    })
  }

  close(): Promise<void> {
    return this.driver.close()
  }
}
