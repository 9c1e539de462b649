import type {MetadataRoute} from 'next'
import {connection} from 'next/server'
import {absolute} from '../lib/config.ts'

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection() // the site's address is configured when it starts, not when it is built
  return {rules: [{userAgent: '*', allow: '/', disallow: ['/api/']}], sitemap: absolute('/sitemap.xml')}
}
