// A browser app's entry: bundled with esbuild for the browser.
import {createElement} from 'react'
import {hydrateRoot} from 'react-dom/client'
import {createExerciseClient} from '@spotter/sdk'
import {ArticleView} from '@spotter/sdk/react'

const spotter = createExerciseClient({projectId: 'spotter', dataset: 'production', apiHost: location.origin})
const article = await spotter.getArticle(location.pathname.slice(1))
if (article) hydrateRoot(document.getElementById('root'), createElement(ArticleView, {article, images: spotter.images}))
