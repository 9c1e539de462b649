import {describe, expect, it} from 'vitest'
import {seedArticleFiles} from '../bench/facts.ts'
import {bodyText, fixture, importOnSeed} from './support.ts'

describe('page chrome stays out of the drafts', () => {
  it('an HTML page: navigation, share buttons, comment count, ads, newsletter, cookie banner, related posts, calorie tracker, footer', () => {
    const drafts = importOnSeed(fixture('goblet-squat.html'))
    const all = JSON.stringify(drafts)
    for (const chrome of [
      'Workouts',
      'Nutrition',
      'Share on Facebook',
      'Tweet',
      '12 comments',
      'Advertisement',
      'protein powder',
      'newsletter',
      'cookies',
      'Related Posts',
      '10 Best Leg Exercises',
      'Calorie Tracker',
      'Lose 1 pound',
      '©',
      'All rights reserved',
      'window.ads',
    ]) {
      expect(all, chrome).not.toContain(chrome)
    }
    // ... while the article is all there
    const body = bodyText(drafts)
    for (const text of [
      'beginner-friendly squat variation',
      'How to Do It',
      'Drive through your heels',
      'three sets of 8 to 10 reps',
      "Don't round your lower back",
    ])
      expect(body, text).toContain(text)
  })

  it('the seed pages saved as text: badges, prompts, the calorie tracker and comment lines', () => {
    const [first, second, third] = seedArticleFiles()
    const body = bodyText(importOnSeed(first!, second!, third!))
    for (const chrome of [
      'Gold Member Badge',
      'caught up',
      'Video of the Day',
      'author image',
      'LiveStrong Calorie Tracker',
      'MyPlate',
      'Gain 2 pounds per week',
      'Maintain my current weight',
      'Female',
      'ft. in.',
      'Demand Media',
      'Comments are closed',
      'Please follow and like us',
      'Leave a Comment',
    ]) {
      expect(body, chrome).not.toContain(chrome)
    }
    for (const text of ['Raise your legs with one steady', 'perform hyperextensions twice a week', 'Louis Simmons'])
      expect(body, text).toContain(text)
  })
})
