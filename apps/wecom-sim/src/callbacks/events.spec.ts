import { XMLParser } from 'fast-xml-parser';
import { buildXml, cdata } from './event-xml';
import { chatEventXml, contactEventXml, tagEventXml } from './events';

describe('event xml', () => {
  it('matches the page example for add_external_contact byte for byte', () => {
    const xml = contactEventXml('ww1', 1403610513, 'add_external_contact', {
      userId: 'zhangsan',
      externalUserId: 'woAJ2GCAAAXtWyujaWJHDDGi0mAAAA',
      state: 'ch_12',
      welcomeCode: 'WELCOMECODE',
    });
    expect(xml).toBe(
      '<xml><ToUserName><![CDATA[ww1]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mAAAA]]></ExternalUserID><State><![CDATA[ch_12]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode></xml>',
    );
  });

  it('leaves State and WelcomeCode out when there are none', () => {
    const xml = contactEventXml('ww1', 1, 'del_follow_user', { userId: 'u', externalUserId: 'e' });
    expect(xml).not.toContain('State');
    expect(xml).not.toContain('WelcomeCode');
  });

  it('writes member changes with bare counts and items', () => {
    const xml = chatEventXml('ww1', 2, 'wrX', 'update', {
      updateDetail: 'add_member',
      joinScene: 3,
      memChangeList: ['wmA', 'wmB'],
      lastMemVer: 'v1',
      curMemVer: 'v2',
    });
    expect(xml).toContain('<JoinScene>3</JoinScene><MemChangeCnt>2</MemChangeCnt><MemChangeList><Item>wmA</Item><Item>wmB</Item></MemChangeList>');
    expect(xml).toContain('<LastMemVer><![CDATA[v1]]></LastMemVer><CurMemVer><![CDATA[v2]]></CurMemVer>');
    const parsed = new XMLParser().parse(xml).xml;
    expect(parsed.UpdateDetail).toBe('add_member');
  });

  it('drops TagType on shuffle', () => {
    expect(tagEventXml('ww1', 3, 'shuffle', '', 'tag_group')).not.toContain('TagType');
    expect(tagEventXml('ww1', 3, 'delete', 'g1', 'tag_group')).toContain('<TagType><![CDATA[tag_group]]></TagType>');
  });

  it('keeps CDATA safe when the text holds ]]>', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    const parsed = new XMLParser().parse(buildXml([['Name', 'a]]>b']])).xml;
    expect(parsed.Name).toBe('a]]>b');
  });
});
