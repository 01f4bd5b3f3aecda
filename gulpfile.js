// Copies icons next to the compiled files: n8n resolves `file:` icons relative to the .js that names them.
const { src, dest } = require('gulp');

function copyIcons() {
	return src('{icons,nodes,credentials}/**/*.{png,svg}', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = copyIcons;
