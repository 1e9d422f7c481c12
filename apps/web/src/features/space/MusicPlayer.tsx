import { PauseCircleOutlined, PlayCircleOutlined, SoundOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShopItems } from '../wallet/queries';
import type { ShopItem } from './queries';

/**
 * Addresses that can never answer: reserved example domains (RFC 2606/6761), which the shop's demo tracks
 * use. Asking the browser to load them would only fail.
 */
function isPlayable(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url, window.location.href);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return !/(^|\.)(example|invalid|test)$|(^|\.)example\.(com|net|org)$/.test(hostname);
  } catch {
    return false;
  }
}

/** The space's background music: play/pause, or the title with the reason it cannot play. */
export function MusicPlayer({ url, signedIn }: { url: string; signedIn: boolean }) {
  const { t } = useTranslation('space');
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [broken, setBroken] = useState(false);
  // The shop knows the title of its tracks; a visitor who is signed out just hears "background music".
  const shop = useShopItems(signedIn);
  const item: ShopItem | undefined = shop.data?.items.find((entry) => entry.musicUrl === url);
  const title = item?.name ?? t('music.untitled');
  const playable = isPlayable(url) && !broken;

  useEffect(() => {
    setBroken(false);
    setPlaying(false);
  }, [url]);

  const toggle = () => {
    const element = audio.current;
    if (!element) return;
    if (element.paused) {
      element.play().then(
        () => setPlaying(true),
        () => setBroken(true),
      );
    } else {
      element.pause();
      setPlaying(false);
    }
  };

  return (
    <Space size={6} className="kj-music" wrap>
      <SoundOutlined aria-hidden />
      <Typography.Text>{t('music.nowPlaying', { title })}</Typography.Text>
      {playable ? (
        <>
          {/* preload="none": nothing is downloaded until the visitor asks for the music. */}
          <audio
            ref={audio}
            src={url}
            preload="none"
            loop
            onError={() => setBroken(true)}
            onPause={() => setPlaying(false)}
          />
          <Button
            size="small"
            shape="round"
            icon={playing ? <PauseCircleOutlined aria-hidden /> : <PlayCircleOutlined aria-hidden />}
            aria-pressed={playing}
            onClick={toggle}
          >
            {playing ? t('music.pause') : t('music.play')}
          </Button>
        </>
      ) : (
        <>
          <Button
            size="small"
            shape="round"
            icon={<PlayCircleOutlined aria-hidden />}
            disabled
            aria-describedby="kj-music-why"
          >
            {t('music.play')}
          </Button>
          <Typography.Text type="secondary" id="kj-music-why">
            {t('music.unavailable')}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
