import {parse} from 'groq-js'
for (const q of ['*[_type == "exercise" && slug.current == $slug][0]{..., "muscles": primaryMuscles[]->{name}}', '*[_type == "exercise"] | order(name asc) [0...20]{name}', 'count(*[_type == "exercise" && references($id)])', '*[_id in $ids]', '*[_type == "a"][0...3]', '*[_type == "a"] | order(name desc, _id)[0]']) {
  console.log(q); console.log(JSON.stringify(parse(q, {params: {}}), (k, v) => k === 'func' ? undefined : v))
}
