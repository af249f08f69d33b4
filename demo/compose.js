// A developer's use of the kit: ES module import, properties, events. (From npm it is
// `import { NewsRelated } from 'news-widgets/related'`; this page loads the publisher ESM file.)
import '/cdn/news-widgets.js';

const related = document.querySelector('#from-property');
related.items = [
  {
    url: 'https://tinhnha.example/an-ninh-trat-tu/camera-an-ninh-thon-xom.html',
    title: 'Security cameras in every hamlet',
    section: 'Public safety',
    publishedAt: new Date(Date.now() - 2 * 3600e3).toISOString(),
  },
  {
    url: 'https://tinhnha.example/nong-nghiep/lua-vu-mua.html',
    title: 'A good autumn rice harvest',
    section: 'Farming',
    publishedAt: new Date(Date.now() - 26 * 3600e3).toISOString(),
  },
  {
    url: 'https://tinhnha.example/giao-duc/truong-hoc-moi.html',
    title: 'Three new village schools open',
    section: 'Education',
  },
];

const log = document.querySelector('#event-log');
for (const type of ['news-error', 'news-share', 'news-close']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} from <${event.target.localName}>: ${JSON.stringify(event.detail)}`;
    log.append(item);
  });
}
