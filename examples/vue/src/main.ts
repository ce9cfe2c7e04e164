import 'netlify-identity-elements';
import type {} from 'netlify-identity-elements/vue';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
